namespace Tradewire.Dashboard.Domain;

/// <summary>The book after one minute's bar closed (<see cref="At"/>, UTC): equity, the day's P&amp;L and heat (% of equity).</summary>
public sealed record EquityPoint(DateTimeOffset At, decimal Equity, decimal DailyPnl, decimal HeatPct);
