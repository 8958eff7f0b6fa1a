using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// An operator-supplied FinBERT-style ONNX export. Contract: inputs <c>input_ids</c> and <c>attention_mask</c>
/// (int64, shape [1, n]; <c>token_type_ids</c> too when the graph declares it, all zeros), output <c>logits</c>
/// (or the graph's first output), float, shape [1, 3], in the order of the configured labels
/// (default <c>positive,negative,neutral</c>, ProsusAI/finbert's). Text goes through <see cref="WordPieceTokenizer"/>
/// with the model's <c>vocab.txt</c>. Probabilities are the softmax of the logits.
/// </summary>
public sealed class OnnxSentimentModel : ISentimentModel, IDisposable
{
    public static readonly IReadOnlyList<string> FinBertLabels = ["positive", "negative", "neutral"];

    readonly InferenceSession session;
    readonly WordPieceTokenizer tokenizer;
    readonly string[] labels;
    readonly bool wantsTokenTypes;
    readonly string outputName;

    public OnnxSentimentModel(string modelPath, WordPieceTokenizer tokenizer, IReadOnlyList<string>? labels = null)
    {
        var bytes = File.ReadAllBytes(modelPath);
        this.labels = (labels ?? FinBertLabels).Select(SentimentLabels.Normalize).ToArray();
        if (this.labels.Length != 3 || this.labels.Distinct().Count() != 3)
            throw new ArgumentException($"ONNX labels must name the three classes once each: {string.Join(",", this.labels)}");
        // One intra-op thread: the same float summation order every run, so the same text scores identically.
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        session = new InferenceSession(bytes, options);
        foreach (var required in new[] { "input_ids", "attention_mask" })
            if (!session.InputMetadata.ContainsKey(required))
                throw new InvalidDataException($"{modelPath}: no '{required}' input (has {string.Join(", ", session.InputMetadata.Keys)})");
        wantsTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        outputName = session.OutputMetadata.ContainsKey("logits") ? "logits" : session.OutputMetadata.Keys.First();
        this.tokenizer = tokenizer;
        Version = $"onnx:{Path.GetFileNameWithoutExtension(modelPath)}@{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}";
    }

    public string Version { get; }

    public SentimentResult Score(string text)
    {
        var ids = tokenizer.Encode(text);
        var shape = new[] { 1, ids.Length };
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, ids.Length).ToArray(), shape)),
        };
        if (wantsTokenTypes)
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)));
        using var results = session.Run(inputs, [outputName]);
        var logits = results[0].AsEnumerable<float>().ToArray();
        if (logits.Length != labels.Length)
            throw new InvalidDataException($"ONNX output '{outputName}' has {logits.Length} values, expected {labels.Length}");
        return SentimentResult.FromProbabilities(labels, Softmax(logits));
    }

    static double[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    public void Dispose() => session.Dispose();
}
