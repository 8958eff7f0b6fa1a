namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// One thing the market-data server did, in order (<paramref name="Seq"/>), at market time <paramref name="MarketAt"/>.
/// <paramref name="Kind"/> is one of: <c>connected</c>, <c>authenticated</c>, <c>refused</c> (Detail = the error
/// code), <c>subscribed</c>, <c>sent</c> (Detail = <c>b</c> or <c>u</c>), <c>dropped</c>, <c>closed</c>,
/// <c>published</c>, <c>skipped</c>, <c>held</c>, <c>rest</c> (Detail = status and query), <c>unplayable</c>.
/// <paramref name="Connection"/> numbers stream connections from 1.
/// </summary>
public sealed record DataJournalEntry(
    long Seq, DateTimeOffset MarketAt, string Kind, int? Connection = null, string? Symbol = null,
    DateTimeOffset? Minute = null, string? Detail = null);
