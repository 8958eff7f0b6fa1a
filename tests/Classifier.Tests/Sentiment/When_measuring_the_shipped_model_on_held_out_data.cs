using Tradewire.Classifier.Sentiment;
using Tradewire.SentimentTrainer;

namespace Tradewire.Classifier.Tests.Sentiment;

/// <summary>
/// Recomputes the shipped model's metrics on the trainer's held-out split (same file, same seed) and holds them to
/// the targets: accuracy >= 0.80 and macro-F1 >= 0.75. Also checks the committed metrics file tells the truth.
/// </summary>
public sealed class When_measuring_the_shipped_model_on_held_out_data
{
    static readonly string MetricsPath = Path.Combine(AppContext.BaseDirectory, "Models", "sentiment-v1.metrics.json");

    [Fact]
    public void Should_meet_the_accuracy_and_macro_f1_targets()
    {
        var report = MetricsReport.Read(MetricsPath);
        var model = MlNetSentimentModel.LoadDefault();
        Assert.Equal(report.ModelVersion, model.Version);

        var (train, test) = StratifiedSplit.Split(SentimentCsv.Read(SharedData.SentimentCsv), report.Seed, report.TestFraction);
        var metrics = ClassificationMetrics.Compute(SentimentLabels.All, test.Select(r => (r.Label, model.Score(r.Text).Label)).ToArray());

        Assert.Equal(report.TrainCount, train.Count);
        Assert.Equal(1909, metrics.Count);
        Assert.True(metrics.Accuracy >= 0.80, $"accuracy {metrics.Accuracy:F4} < 0.80");
        Assert.True(metrics.MacroF1 >= 0.75, $"macro-F1 {metrics.MacroF1:F4} < 0.75");
        Assert.Equal(report.HeldOut.Accuracy, metrics.Accuracy, 10);
        Assert.Equal(report.HeldOut.Confusion.Select(r => r.ToArray()), metrics.Confusion.Select(r => r.ToArray()));
    }
}
