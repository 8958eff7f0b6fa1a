namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// One bar of the recorded session, as the server will send it. A field the CSV did not hold as a number
/// (<c>NaN</c>, <c>Infinity</c>, empty) is null and goes on the wire as JSON <c>null</c>: a JSON number cannot carry
/// it, and dropping the bar would hide the bad input from the client's validation. <paramref name="Line"/> is the CSV
/// line number; <paramref name="PublishAt"/> is when it goes out (market time) unless a fault moves it.
/// </summary>
internal sealed record SessionBar(
    int Line, string Symbol, DateTimeOffset Minute, decimal? Open, decimal? High, decimal? Low, decimal? Close,
    long? Volume, long? TradeCount, decimal? Vwap, DateTimeOffset PublishAt)
{
    /// <summary>
    /// The bar recomputed after late trades, as an updated bar carries it: one percent more volume (at least one
    /// share) and one more trade; prices unchanged, since the recording has no trades to recompute them from.
    /// </summary>
    public SessionBar Updated() => this with
    {
        Volume = Volume is > 0 and var v ? v + Math.Max(1, v / 100) : Volume,
        TradeCount = TradeCount + 1,
    };
}
