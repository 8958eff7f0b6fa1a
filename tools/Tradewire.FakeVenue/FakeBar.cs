namespace Tradewire.FakeVenue;

/// <summary>
/// One minute of one symbol's market, as the test or drill feeds it to the venue. <see cref="Minute"/> is the bar's
/// start; prices in USD, volume in shares. The venue does not check that low &lt;= open, close &lt;= high: a drill
/// may feed bad bars on purpose.
/// </summary>
public sealed record FakeBar(string Symbol, DateTimeOffset Minute, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
