namespace Tradewire.BrokerGateway.Risk;

/// <summary>
/// Everything pre-trade risk looks at for one entry. Null means unknown: unknown equity or exposure fails safe
/// (no entry); unknown spread or last price fails open (those checks pass). Prices USD, quantities shares.
/// </summary>
public sealed record RiskInput
{
    public required string Ticker { get; init; }
    public required bool IsShort { get; init; }
    public required decimal PlannedQty { get; init; }
    public required decimal EntryPrice { get; init; }
    public required decimal StopPrice { get; init; }
    /// <summary>Close of the minute being processed (market time) and the signal's time.</summary>
    public required DateTimeOffset MinuteClose { get; init; }
    public required DateTimeOffset SignalTs { get; init; }
    public required bool MarketOpen { get; init; }
    public decimal? LastPrice { get; init; }
    public decimal? SessionOpenPrice { get; init; }
    public decimal? SpreadBps { get; init; }
    public decimal? Equity { get; init; }
    public decimal? DayStartEquity { get; init; }
    public decimal? PeakEquity { get; init; }
    /// <summary>Highest equity of this session; unknown means the day's start (the session's peak is at least that).</summary>
    public decimal? SessionPeakEquity { get; init; }
    /// <summary>Absolute notional already held or working in this ticker, and in all tickers.</summary>
    public decimal? SymbolExposure { get; init; }
    public decimal? GrossExposure { get; init; }
    /// <summary>Sum over open brackets of qty x distance to stop (USD).</summary>
    public required decimal OpenRisk { get; init; }
    public required int SymbolOrdersToday { get; init; }
    public required int OrdersToday { get; init; }
}
