namespace Tradewire.Classifier.Sentiment;

/// <summary>The three sentiment labels, and the names other models use for them.</summary>
public static class SentimentLabels
{
    public const string Bearish = "bearish";
    public const string Neutral = "neutral";
    public const string Bullish = "bullish";

    public static IReadOnlyList<string> All { get; } = [Bearish, Neutral, Bullish];

    /// <summary>The training set's codes: 0 bearish, 1 bullish, 2 neutral.</summary>
    public static string FromDatasetCode(int code) => code switch
    {
        0 => Bearish,
        1 => Bullish,
        2 => Neutral,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "label codes are 0, 1, 2"),
    };

    /// <summary>Maps FinBERT-style names (positive/negative) and ours to ours; throws on anything else.</summary>
    public static string Normalize(string label) => label.Trim().ToLowerInvariant() switch
    {
        "bearish" or "negative" => Bearish,
        "bullish" or "positive" => Bullish,
        "neutral" => Neutral,
        _ => throw new ArgumentException($"unknown sentiment label '{label}'", nameof(label)),
    };
}
