namespace Tradewire.FakeVenue;

/// <summary>
/// trading/orders.md, "Stop Order": "Alpaca converts buy stop orders into stop limit orders with a limit price that is
/// 4% higher than a stop price &lt; $50 (or 2.5% higher than a stop price &gt;= $50). Sell stop orders are not
/// converted." So a short's protective stop comes back as type <c>stop_limit</c>; a client that looks for
/// <c>type == "stop"</c> loses it.
/// </summary>
internal static class StopRule
{
    public static VenueOrder Convert(VenueOrder order)
    {
        if (order is not { Type: "stop", Side: "buy", StopPrice: { } stop }) return order;
        var limit = stop * (stop < 50m ? 1.04m : 1.025m);
        // The limit is set on the venue's own tick (2 decimals from $1, else 4), rounded up: a buy limit never below the stop.
        var decimals = limit >= 1m ? 2 : 4;
        return order with { Type = "stop_limit", LimitPrice = decimal.Round(limit, decimals, MidpointRounding.ToPositiveInfinity) };
    }
}
