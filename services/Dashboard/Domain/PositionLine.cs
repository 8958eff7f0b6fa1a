using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.Dashboard.Domain;

/// <summary>
/// One bracket's position as the fills built it. Prices in dollars, quantities in shares. <see cref="Qty"/> is the
/// open quantity (never negative); <see cref="Direction"/> is +1 for a long (entry BUY), -1 for a short. Realized
/// P&amp;L accrues on every exit fill at (exit - average entry) x qty x direction; unrealized is the same against
/// the latest mark (the last bar's close). Not thread-safe: built per request.
/// </summary>
public sealed class PositionLine(Guid executionId, string ticker, int direction)
{
    public Guid ExecutionId { get; } = executionId;
    public string Ticker { get; } = ticker;
    public int Direction { get; } = direction;
    public decimal Qty { get; private set; }
    public decimal AvgPrice { get; private set; }
    public decimal EnteredQty { get; private set; }
    public decimal Realized { get; private set; }
    public decimal? Stop { get; set; }
    public decimal? Target { get; set; }
    public decimal? Mark { get; set; }
    public string? ExitReason { get; set; }

    public bool IsOpen => Qty > 0;

    public decimal Unrealized => Mark is { } mark && Qty > 0 ? (mark - AvgPrice) * Qty * Direction : 0m;

    /// <summary>The risk of one share to its stop, what one R is; null without a stop or an entry.</summary>
    public decimal? RiskPerShare => Stop is { } stop && EnteredQty > 0 && stop != AvgPrice ? Math.Abs(AvgPrice - stop) : null;

    /// <summary>Open profit in multiples of the initial risk: +2 is twice the stop distance in favour.</summary>
    public decimal? OpenR => Mark is { } mark && Qty > 0 && RiskPerShare is { } r ? Math.Round((mark - AvgPrice) * Direction / r, 2) : null;

    /// <summary>
    /// Dollars lost if the stop is hit, counted as the broker-gateway's pre-trade heat check counts it
    /// (open quantity x |average entry - stop|), so the gauge and the limit agree.
    /// </summary>
    public decimal OpenRisk => Qty > 0 && RiskPerShare is { } r ? Qty * r : 0m;

    /// <summary>Applies one fill; returns the P&amp;L it realized (zero for an entry).</summary>
    public decimal Apply(OrderSide side, decimal qty, decimal price)
    {
        var filled = Quantity.ToOrder(qty); // a fill has whole shares, at least one
        var adds = side == OrderSide.Buy == Direction > 0;
        if (adds)
        {
            AvgPrice = Price.Average(AvgPrice, Quantity.Of(Qty), Price.Of(price), filled);
            Qty += qty;
            EnteredQty += qty;
            return 0m;
        }
        var closed = Math.Min(qty, Qty); // an exit larger than the position would be a ledger defect: never realize past zero
        var pnl = (price - AvgPrice) * closed * Direction;
        Qty -= closed;
        Realized += pnl;
        return pnl;
    }
}
