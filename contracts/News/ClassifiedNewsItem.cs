namespace Tradewire.Contracts.News;

/// <summary>
/// A news item with the tickers it mentions and its sentiment. <see cref="Score"/> is in [-1, 1] (bearish to
/// bullish), <see cref="Label"/> one of <c>bearish</c>, <c>neutral</c>, <c>bullish</c>, <see cref="Confidence"/>
/// in [0, 1] (the model's probability of its label).
/// </summary>
public sealed record ClassifiedNewsItem
{
    public required Guid NewsId { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public required IReadOnlyList<string> Tickers { get; init; }
    public required decimal Score { get; init; }
    public required string Label { get; init; }
    public required decimal Confidence { get; init; }
    public required string ModelVersion { get; init; }
}
