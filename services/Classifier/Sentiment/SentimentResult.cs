namespace Tradewire.Classifier.Sentiment;

/// <summary>
/// A model's sentiment for one text. <see cref="Score"/> in [-1, 1] is P(bullish) - P(bearish);
/// <see cref="Label"/> is one of <see cref="SentimentLabels.All"/> (the most probable class);
/// <see cref="Confidence"/> in [0, 1] is that class's probability.
/// </summary>
public sealed record SentimentResult(double Score, string Label, double Confidence)
{
    /// <summary>Builds the result from class probabilities (any order of labels; they need not sum exactly to 1).</summary>
    public static SentimentResult FromProbabilities(IReadOnlyList<string> labels, IReadOnlyList<double> probabilities)
    {
        if (labels.Count != probabilities.Count || labels.Count == 0)
            throw new ArgumentException($"{labels.Count} labels for {probabilities.Count} probabilities");
        double bullish = 0, bearish = 0, best = double.NegativeInfinity;
        var label = SentimentLabels.Neutral;
        for (var i = 0; i < labels.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], 0, 1);
            var name = SentimentLabels.Normalize(labels[i]);
            if (name == SentimentLabels.Bullish) bullish = p;
            if (name == SentimentLabels.Bearish) bearish = p;
            // Strictly greater: ties go to the earlier label, so the result never depends on anything but the input.
            if (p > best)
            {
                best = p;
                label = name;
            }
        }
        return new SentimentResult(Math.Clamp(bullish - bearish, -1, 1), label, best);
    }
}
