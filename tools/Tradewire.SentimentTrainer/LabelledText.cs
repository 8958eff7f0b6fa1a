namespace Tradewire.SentimentTrainer;

/// <summary>One training example: the raw text and its label (bearish, neutral or bullish).</summary>
public sealed record LabelledText(string Text, string Label);
