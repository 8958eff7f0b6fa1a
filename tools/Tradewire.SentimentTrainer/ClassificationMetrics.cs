namespace Tradewire.SentimentTrainer;

/// <summary>Per-class precision, recall and F1 (0 when undefined) and the support (number of gold rows).</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Held-out metrics of a classifier. <see cref="Confusion"/>[gold][predicted] counts rows, in the order of
/// <see cref="Labels"/>; macro-F1 is the unweighted mean of the per-class F1.
/// </summary>
public sealed record ClassificationMetrics(
    IReadOnlyList<string> Labels, int Count, double Accuracy, double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass, IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    public static ClassificationMetrics Compute(IReadOnlyList<string> labels, IReadOnlyList<(string Gold, string Predicted)> pairs)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var (gold, predicted) in pairs)
            confusion[index[gold]][index[predicted]]++;
        var perClass = labels.Select((label, k) =>
        {
            var tp = confusion[k][k];
            var predicted = confusion.Sum(row => row[k]);
            var support = confusion[k].Sum();
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassMetrics(label, precision, recall, f1, support);
        }).ToArray();
        var correct = labels.Select((_, k) => confusion[k][k]).Sum();
        return new ClassificationMetrics(labels, pairs.Count, pairs.Count == 0 ? 0 : (double)correct / pairs.Count,
            perClass.Average(c => c.F1), perClass, confusion);
    }
}
