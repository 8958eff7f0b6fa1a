namespace Tradewire.Contracts.Market;

/// <summary>
/// One 1-minute OHLCV bar of one symbol. <see cref="Minute"/> is the UTC start of the bar's minute; the bar is
/// final at <c>Minute + 1 min</c> (its close time, which freshness gates measure against). Prices in the
/// instrument's currency (USD), volume in shares. Ingest validates every bar before publishing it:
/// prices positive, <c>Low &lt;= Open, Close &lt;= High</c>, volume not negative, inside the session.
/// </summary>
public sealed record Bar
{
    public required string Symbol { get; init; }
    public required DateTimeOffset Minute { get; init; }
    public required decimal Open { get; init; }
    public required decimal High { get; init; }
    public required decimal Low { get; init; }
    public required decimal Close { get; init; }
    public required long Volume { get; init; }

    /// <summary>When the bar closed (end of its minute): the bar's timestamp for freshness checks.</summary>
    public DateTimeOffset ClosedAt => Minute.AddMinutes(1);
}
