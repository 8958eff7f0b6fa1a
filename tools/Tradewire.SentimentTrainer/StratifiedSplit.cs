namespace Tradewire.SentimentTrainer;

/// <summary>
/// A reproducible stratified train/test split: within each label, rows are shuffled with <see cref="Random"/>
/// seeded by the seed (its seeded sequence is stable across .NET versions) and the first
/// round(fraction x count) go to the test set. Both sets keep file order, so the same file and seed give the same sets.
/// </summary>
public static class StratifiedSplit
{
    public const double DefaultTestFraction = 0.2;

    public static (IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Test) Split(
        IReadOnlyList<LabelledText> rows, int seed, double testFraction = DefaultTestFraction)
    {
        var random = new Random(seed);
        var inTest = new bool[rows.Count];
        foreach (var label in rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal))
        {
            var indices = Enumerable.Range(0, rows.Count).Where(i => rows[i].Label == label).ToArray();
            random.Shuffle(indices);
            foreach (var i in indices.Take((int)Math.Round(indices.Length * testFraction, MidpointRounding.AwayFromZero)))
                inTest[i] = true;
        }
        return (rows.Where((_, i) => !inTest[i]).ToArray(), rows.Where((_, i) => inTest[i]).ToArray());
    }
}
