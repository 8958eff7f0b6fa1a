namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// A priced and sized bracket. Prices in dollars rounded to 4 decimals, <see cref="Qty"/> whole shares (&gt; 0),
/// <see cref="Notional"/> = qty × entry (&lt;= 25 % of paper equity). For a short (<see cref="Side"/> SELL) the
/// stop is above the entry and the target below.
/// </summary>
public sealed record BracketPlan
{
    public required string Side { get; init; }
    public required decimal EntryPrice { get; init; }
    public required decimal StopLossPrice { get; init; }
    public required decimal TakeProfitPrice { get; init; }
    public required decimal StopDistance { get; init; }
    public required decimal Qty { get; init; }
    public required decimal Notional { get; init; }
    public required decimal SlippageBps { get; init; }

    /// <summary>How the quantity was reached (risk budget, risk-based qty, cap, binding constraint), for sim_json.</summary>
    public required IReadOnlyDictionary<string, object> SizingRationale { get; init; }
}
