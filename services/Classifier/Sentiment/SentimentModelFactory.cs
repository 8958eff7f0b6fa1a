namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// Chooses the sentiment model from configuration, once at start-up:
/// <c>Sentiment:Model</c> = <c>mlnet</c> (default: the shipped <c>Models/sentiment-v1.zip</c>, or
/// <c>Sentiment:MlNetPath</c>) or <c>onnx</c> (<c>Sentiment:OnnxPath</c> required; <c>Sentiment:OnnxVocabPath</c>
/// defaults to <c>vocab.txt</c> beside it; <c>Sentiment:OnnxLabels</c> the logits' order, default
/// <c>positive,negative,neutral</c>; <c>Sentiment:OnnxMaxTokens</c> default 128).
/// </summary>
public static class SentimentModelFactory
{
    public static ISentimentModel Create(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sentiment");
        var kind = section["Model"] is { Length: > 0 } k ? k.Trim().ToLowerInvariant() : "mlnet";
        switch (kind)
        {
            case "mlnet":
                return section["MlNetPath"] is { Length: > 0 } path
                    ? new MlNetSentimentModel(path)
                    : MlNetSentimentModel.LoadDefault();
            case "onnx":
                var onnxPath = section["OnnxPath"] is { Length: > 0 } p
                    ? p
                    : throw new InvalidOperationException("Sentiment:Model=onnx needs Sentiment:OnnxPath");
                var vocabPath = section["OnnxVocabPath"] is { Length: > 0 } v
                    ? v
                    : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(onnxPath))!, "vocab.txt");
                var maxTokens = section.GetValue("OnnxMaxTokens", 128);
                var labels = section["OnnxLabels"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return new OnnxSentimentModel(onnxPath, WordPieceTokenizer.Load(vocabPath, maxTokens), labels);
            default:
                throw new InvalidOperationException($"Sentiment:Model must be 'mlnet' or 'onnx', not '{kind}'");
        }
    }
}
