namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// A scripted misbehaviour of the market-data server. Which fields matter depends on <paramref name="Kind"/> (see
/// <see cref="DataFaultKind"/>): <paramref name="Symbol"/> and <paramref name="Minute"/> (a minute's UTC start) name a
/// bar, <paramref name="Times"/> counts refusals, <paramref name="Seconds"/> is a market-time delay.
/// </summary>
public sealed record DataFault(
    DataFaultKind Kind, string? Symbol = null, DateTimeOffset? Minute = null, int Times = 1, double Seconds = 0);
