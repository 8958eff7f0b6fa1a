using System.Globalization;
using System.Text;

namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// A minimal BERT "uncased" tokenizer for operator-supplied ONNX models: lower-cases, strips accents, splits on
/// whitespace and punctuation, then greedy longest-match WordPiece against <c>vocab.txt</c> (one token per line,
/// id = line number from 0; continuation pieces prefixed <c>##</c>). Output: <c>[CLS] pieces [SEP]</c>, truncated to
/// <see cref="MaxTokens"/>. Limits (documented, not bugs): no CJK character splitting, no cased vocabularies, no
/// sentence pairs, no control-character cleaning beyond whitespace; a word of more than 100 characters is [UNK].
/// </summary>
public sealed class WordPieceTokenizer
{
    const int MaxWordChars = 100;
    readonly Dictionary<string, long> vocab;
    readonly long unk, cls, sep;

    public WordPieceTokenizer(IReadOnlyList<string> vocabulary, int maxTokens = 128)
    {
        if (maxTokens < 2)
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens, "room for [CLS] and [SEP] at least");
        vocab = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
            vocab.TryAdd(vocabulary[i], i);
        long Special(string token) => vocab.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException($"vocabulary has no {token}");
        unk = Special("[UNK]");
        cls = Special("[CLS]");
        sep = Special("[SEP]");
        MaxTokens = maxTokens;
    }

    public int MaxTokens { get; }

    public static WordPieceTokenizer Load(string vocabPath, int maxTokens = 128) =>
        new(File.ReadAllLines(vocabPath).Select(l => l.TrimEnd('\r')).ToArray(), maxTokens);

    /// <summary>Token ids, <c>[CLS]</c> first and <c>[SEP]</c> last; never longer than <see cref="MaxTokens"/>.</summary>
    public long[] Encode(string text)
    {
        var ids = new List<long> { cls };
        foreach (var word in BasicTokens(text))
        {
            WordPiece(word, ids);
            if (ids.Count >= MaxTokens - 1)
                break;
        }
        if (ids.Count > MaxTokens - 1)
            ids.RemoveRange(MaxTokens - 1, ids.Count - (MaxTokens - 1));
        ids.Add(sep);
        return ids.ToArray();
    }

    static IEnumerable<string> BasicTokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in StripAccents(text.ToLowerInvariant()))
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
                if (!char.IsWhiteSpace(c)) yield return c.ToString();
            }
            else word.Append(c);
        }
        if (word.Length > 0) yield return word.ToString();
    }

    static string StripAccents(string s) => new(s.Normalize(NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    void WordPiece(string word, List<long> ids)
    {
        if (word.Length > MaxWordChars) { ids.Add(unk); return; }
        var pieces = new List<long>();
        for (var start = 0; start < word.Length;)
        {
            long? found = null;
            var end = word.Length;
            for (; end > start; end--)
            {
                var piece = (start > 0 ? "##" : "") + word[start..end];
                if (vocab.TryGetValue(piece, out var id)) { found = id; break; }
            }
            // BERT: a word with any unmatchable remainder is one [UNK] as a whole.
            if (found is null) { ids.Add(unk); return; }
            pieces.Add(found.Value);
            start = end;
        }
        ids.AddRange(pieces);
    }
}
