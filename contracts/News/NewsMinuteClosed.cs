namespace Tradewire.Contracts.News;

/// <summary>
/// Event: the news ingest received up to the end of one market minute. Ingest publishes exactly one per session
/// minute (empty <see cref="Items"/> when nothing arrived), in market-time order, so the news stream is complete
/// and ordered per minute like the bars. Items received outside the session go into the session's first minute.
/// </summary>
public sealed record NewsMinuteClosed
{
    public required DateOnly SessionDate { get; init; }

    /// <summary>Start of the minute, UTC (the same minute as the bars' <c>MinuteBarsClosed</c>).</summary>
    public required DateTimeOffset Minute { get; init; }

    public required IReadOnlyList<NewsItem> Items { get; init; }
}
