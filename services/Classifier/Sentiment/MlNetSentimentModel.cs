using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// The project's own sentiment model: an ML.NET pipeline (text featurisation + multiclass maximum entropy)
/// trained by <c>tools/Tradewire.SentimentTrainer</c>. Contract of the model file: input column <c>Text</c>
/// (string, already passed through <see cref="SentimentText.Normalize"/>), output column <c>Score</c>
/// (float vector of class probabilities whose slot names are the labels).
/// </summary>
public sealed class MlNetSentimentModel : ISentimentModel
{
    /// <summary>The shipped model, relative to the application directory.</summary>
    public const string DefaultRelativePath = "Models/sentiment-v1.zip";

    readonly PredictionEngine<SentimentInput, SentimentPrediction> engine;
    readonly string[] labels;
    // PredictionEngine is not thread-safe; scoring a headline takes microseconds, so one lock is enough.
    readonly Lock gate = new();

    public MlNetSentimentModel(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var ml = new MLContext(seed: 0);
        using var stream = new MemoryStream(bytes);
        var model = ml.Model.Load(stream, out _);
        engine = ml.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        labels = names.DenseValues().Select(n => SentimentLabels.Normalize(n.ToString())).ToArray();
        if (labels.Length != 3 || labels.Distinct().Count() != 3)
            throw new InvalidDataException($"{path}: Score slots are [{string.Join(",", labels)}], expected the three labels");
        Version = $"{Path.GetFileNameWithoutExtension(path)}@{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}";
    }

    public string Version { get; }

    public static MlNetSentimentModel LoadDefault() =>
        new(Path.Combine(AppContext.BaseDirectory, DefaultRelativePath));

    public SentimentResult Score(string text)
    {
        SentimentPrediction prediction;
        lock (gate)
            prediction = engine.Predict(new SentimentInput { Text = SentimentText.Normalize(text) });
        return SentimentResult.FromProbabilities(labels, prediction.Score.Select(p => (double)p).ToArray());
    }

    /// <summary>The model's input row (public for ML.NET's schema reflection and the trainer).</summary>
    public sealed class SentimentInput
    {
        public string Text { get; set; } = "";
    }

    public sealed class SentimentPrediction
    {
        public float[] Score { get; set; } = [];
    }
}
