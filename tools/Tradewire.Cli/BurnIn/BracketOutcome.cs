namespace Tradewire.Cli.BurnIn;

/// <summary>
/// One bracket that held a position, with its excursions: MAE and MFE are the worst and best unrealized
/// moves while it was open, in R (multiples of the initial risk, |entry - stop|), measured on the bars'
/// lows and highs between the entry fill and the exit (both bars included).
/// </summary>
public sealed record BracketOutcome(
    Guid ExecutionId, string Ticker, string Side, decimal Qty, decimal Entry, decimal Stop, decimal? Exit, string? ExitReason,
    decimal RealizedPnl, DateTimeOffset EnteredAt, DateTimeOffset? ClosedAt, decimal MaeR, decimal MfeR)
{
    public decimal RiskPerShare => Math.Abs(Entry - Stop);
    public decimal RealizedR => RiskPerShare == 0 || Qty == 0 ? 0 : RealizedPnl / (RiskPerShare * Qty);
}
