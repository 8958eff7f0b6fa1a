using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>One row of <c>orders</c>. Invariant: 0 &lt;= FilledQty &lt;= Qty; status WORKING only while FilledQty &lt; Qty.</summary>
public sealed class OrderRecord
{
    public required string ClientOrderId { get; init; }
    public required Guid ExecutionId { get; init; }
    public string? ParentClientOrderId { get; init; }
    public required LegRole Role { get; init; }
    public string? OcoGroup { get; init; }
    public required string Ticker { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Qty { get; set; }
    public decimal FilledQty { get; set; }
    public decimal? AvgFillPrice { get; set; }
    public required OrderType Type { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Working;
    public required string ConfigSha { get; init; }
    public required ExecutionMode ExecutionMode { get; init; }
    /// <summary>First bar (minute start) that may fill the order: the bar after the one it was placed on.</summary>
    public required DateTimeOffset EligibleFrom { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Dirty { get; set; } = true;
    public decimal Remaining => Qty - FilledQty;

    /// <summary>
    /// Records one fill: the filled quantity grows, the average fill price is the volume-weighted average of the
    /// fills so far, and the order is FILLED once nothing remains.
    /// </summary>
    public void ApplyFill(Quantity qty, Price price)
    {
        AvgFillPrice = Price.Average(AvgFillPrice ?? 0, Quantity.Of(FilledQty), price, qty);
        FilledQty += qty;
        if (FilledQty >= Qty)
            Status = OrderStatus.Filled;
        Dirty = true;
    }

    public OrderRecord Clone() => (OrderRecord)MemberwiseClone();
}
