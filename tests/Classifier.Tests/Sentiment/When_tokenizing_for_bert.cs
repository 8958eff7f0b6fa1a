using Tradewire.Classifier.Sentiment;

namespace Tradewire.Classifier.Tests.Sentiment;

public sealed class When_tokenizing_for_bert
{
    static readonly WordPieceTokenizer Tokenizer = new(
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "apple", "earn", "##ings", "beat", "!", "cafe", "$"], maxTokens: 8);

    [Fact]
    public void Should_lower_case_split_punctuation_and_use_word_pieces() =>
        Assert.Equal([2L, 4, 5, 6, 7, 8, 3], Tokenizer.Encode("Apple EARNINGS beat!"));

    [Fact]
    public void Should_strip_accents_and_mark_unknown_words() =>
        Assert.Equal([2L, 9, 1, 10, 1, 3], Tokenizer.Encode("Café xyz $AAPL"));

    [Fact]
    public void Should_truncate_to_the_maximum_keeping_cls_and_sep()
    {
        var ids = Tokenizer.Encode("apple apple apple apple apple apple apple apple apple");
        Assert.Equal(8, ids.Length);
        Assert.Equal(2L, ids[0]);
        Assert.Equal(3L, ids[^1]);
    }

    [Fact]
    public void Should_refuse_a_vocabulary_without_special_tokens() =>
        Assert.Throws<InvalidDataException>(() => new WordPieceTokenizer(["[PAD]", "apple"]));
}
