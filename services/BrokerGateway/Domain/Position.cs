using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>Net position of one ticker (row of <c>positions</c>). <see cref="Qty"/> signed: &gt; 0 long, &lt; 0 short.</summary>
public sealed class Position
{
    public required string Ticker { get; init; }
    public decimal Qty { get; set; }
    public decimal AvgPrice { get; set; }
    public decimal RealizedPnl { get; set; }
    public string? OcoGroup { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Dirty { get; set; }

    /// <summary>
    /// Applies a fill; returns the P&amp;L it realized (USD). A fill that adds to the position averages its cost
    /// (volume-weighted); one that reduces it realizes (fill price − average cost) per share closed; crossing zero
    /// opens the rest at the fill price.
    /// </summary>
    public decimal Apply(OrderSide side, Quantity qty, Price price, DateTimeOffset at)
    {
        var signed = side == OrderSide.Buy ? qty.Shares : -qty.Shares;
        decimal realized = 0;
        if (Qty != 0 && Math.Sign(signed) != Math.Sign(Qty))
        {
            var closing = Math.Min(Math.Abs(signed), Math.Abs(Qty));
            realized = closing * (price - AvgPrice) * Math.Sign(Qty);
            var rest = Qty + signed;
            if (rest != 0 && Math.Sign(rest) != Math.Sign(Qty))
                AvgPrice = price;
            Qty = rest;
            if (Qty == 0)
                AvgPrice = 0;
        }
        else
        {
            AvgPrice = Price.Average(AvgPrice, Quantity.Of(Math.Abs(Qty)), price, qty);
            Qty += signed;
        }
        RealizedPnl += realized;
        UpdatedAt = at;
        Dirty = true;
        return realized;
    }
}
