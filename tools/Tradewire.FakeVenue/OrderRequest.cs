namespace Tradewire.FakeVenue;

/// <summary>
/// The body of <c>POST /v2/orders</c> as the client sent it: everything optional, numbers as JSON numbers or strings,
/// so that a missing or wrong field is refused by <see cref="Check"/> with a message that names the rule.
/// </summary>
internal sealed record OrderRequest(
    string? Symbol = null, decimal? Qty = null, string? Side = null, string? Type = null, string? TimeInForce = null,
    decimal? LimitPrice = null, decimal? StopPrice = null, string? ClientOrderId = null, string? OrderClass = null,
    TakeProfitRequest? TakeProfit = null, StopLossRequest? StopLoss = null)
{
    /// <summary>The first rule the request breaks, or null when it is a valid order.</summary>
    public VenueError? Check()
    {
        if (string.IsNullOrWhiteSpace(Symbol)) return VenueError.Invalid("symbol is required");
        if (Qty is not > 0m) return VenueError.Invalid("qty must be > 0");
        if (Side is not ("buy" or "sell")) return VenueError.Invalid($"invalid side: '{Side}' (buy or sell)");
        if (Type is not ("market" or "limit" or "stop")) return VenueError.Invalid($"invalid type: '{Type}' (market, limit or stop)");
        if (TimeInForce is not ("day" or "gtc")) return VenueError.Invalid($"invalid time_in_force: '{TimeInForce}' (day or gtc)");
        if (ClientOrderId is { Length: > 128 }) return VenueError.Invalid("client_order_id must be no more than 128 characters");
        return (OrderClass ?? "simple") switch
        {
            "simple" => CheckSimple(),
            "oco" => CheckOco(),
            var other => VenueError.Invalid($"invalid order_class: '{other}' (simple or oco)"),
        };
    }

    VenueError? CheckSimple() => Type switch
    {
        "limit" when LimitPrice is not > 0m => VenueError.Invalid("limit_price is required (> 0) for a limit order"),
        "stop" when StopPrice is not > 0m => VenueError.Invalid("stop_price is required (> 0) for a stop order"),
        _ => null,
    };

    VenueError? CheckOco()
    {
        if (Type != "limit") return VenueError.Invalid("an oco order must be of type limit");
        if (TakeProfit?.LimitPrice is not > 0m) return VenueError.Invalid("an oco order requires take_profit.limit_price (> 0)");
        if (StopLoss?.StopPrice is not > 0m) return VenueError.Invalid("an oco order requires stop_loss.stop_price (> 0)");
        // Both exits on the same side of the market would both trigger at once: the real venue refuses that too.
        var takeProfit = TakeProfit.LimitPrice.Value;
        var stop = StopLoss.StopPrice.Value;
        if (Side == "sell" && takeProfit <= stop) return VenueError.Invalid("a sell oco requires take_profit.limit_price > stop_loss.stop_price");
        if (Side == "buy" && takeProfit >= stop) return VenueError.Invalid("a buy oco requires take_profit.limit_price < stop_loss.stop_price");
        return null;
    }
}

internal sealed record TakeProfitRequest(decimal? LimitPrice = null);

internal sealed record StopLossRequest(decimal? StopPrice = null);

/// <summary>The body of <c>PATCH /v2/orders/{id}</c>: the fields to change, the rest stay.</summary>
internal sealed record ReplaceRequest(
    decimal? Qty = null, decimal? LimitPrice = null, decimal? StopPrice = null, string? TimeInForce = null, string? ClientOrderId = null)
{
    /// <summary>The first rule the request breaks against <paramref name="order"/>, or null.</summary>
    public VenueError? Check(VenueOrder order)
    {
        if (Qty is { } qty && qty <= order.FilledQty) return VenueError.Invalid("qty must be > the order's filled_qty");
        if (LimitPrice is not null && order.Type != "limit") return VenueError.Invalid("limit_price can only be replaced on a limit order");
        if (LimitPrice is <= 0m) return VenueError.Invalid("limit_price must be > 0");
        if (StopPrice is not null && order.Type != "stop") return VenueError.Invalid("stop_price can only be replaced on a stop order");
        if (StopPrice is <= 0m) return VenueError.Invalid("stop_price must be > 0");
        if (TimeInForce is not (null or "day" or "gtc")) return VenueError.Invalid($"invalid time_in_force: '{TimeInForce}' (day or gtc)");
        if (ClientOrderId is { Length: > 128 }) return VenueError.Invalid("client_order_id must be no more than 128 characters");
        return null;
    }
}
