using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tradewire.SentimentTrainer;

/// <summary>What a training run writes next to the model: the model version, how it was split, and its held-out metrics.</summary>
public sealed record MetricsReport(
    string ModelVersion, string Data, int Seed, double TestFraction, int TrainCount, TrainerOptions Options,
    ClassificationMetrics HeldOut)
{
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static MetricsReport Read(string path) =>
        JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(path), Json) ?? throw new InvalidDataException(path);

    public static string Format(ClassificationMetrics m)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"held-out rows {m.Count}: accuracy {m.Accuracy:F4}, macro-F1 {m.MacroF1:F4}");
        s.AppendLine("class     precision recall  F1      support");
        foreach (var k in m.PerClass)
            s.AppendLine(c, $"{k.Label,-9} {k.Precision,9:F4} {k.Recall,6:F4} {k.F1,7:F4} {k.Support,8}");
        s.AppendLine("confusion (rows gold, columns predicted): " + string.Join(" ", m.Labels));
        for (var i = 0; i < m.Labels.Count; i++)
            s.AppendLine(m.Labels[i].PadRight(9) + " " + string.Join(" ", m.Confusion[i].Select(n => n.ToString(c).PadLeft(7))));
        return s.ToString();
    }
}
