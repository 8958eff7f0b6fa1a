namespace Tradewire.Dashboard.Domain;

/// <summary>
/// The book's totals at one moment. Money in dollars; <see cref="HeatPct"/> and <see cref="ExposurePct"/> are
/// percentages of <see cref="Equity"/> (open risk to the stops, gross market value of open positions).
/// <see cref="DailyPnl"/> is the session's realized P&amp;L plus the open positions' unrealized.
/// </summary>
public sealed record PortfolioSnapshot(decimal StartingEquity, decimal Realized, decimal DailyRealized, decimal Unrealized,
    decimal OpenRisk, decimal GrossExposure, int OpenPositions)
{
    public decimal Equity => StartingEquity + Realized + Unrealized;
    public decimal DailyPnl => DailyRealized + Unrealized;
    public decimal HeatPct => Equity > 0 ? Math.Round(OpenRisk / Equity * 100m, 4) : 0m;
    public decimal ExposurePct => Equity > 0 ? Math.Round(GrossExposure / Equity * 100m, 4) : 0m;
}
