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
        if (TickRule.Check(("limit_price", LimitPrice), ("stop_price", StopPrice), ("take_profit.limit_price", TakeProfit?.LimitPrice),
                ("stop_loss.stop_price", StopLoss?.StopPrice), ("stop_loss.limit_price", StopLoss?.LimitPrice)) is { } subPenny)
            return subPenny;
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
        // trading/orders.md, "Threshold on stop price of stop-loss orders": the stop must be at least $0.01 below (sell)
        // or above (buy) the base price, which for an OCO is the take-profit's limit price (and the last price, checked
        // by the book, which knows it).
        return StopThreshold(Side!, StopLoss.StopPrice.Value, TakeProfit.LimitPrice.Value, "take_profit.limit_price");
    }

    /// <summary>The 422 for a stop-loss closer than $0.01 to <paramref name="basePrice"/> on the wrong side, or null.</summary>
    public static VenueError? StopThreshold(string side, decimal stop, decimal basePrice, string baseName)
    {
        if (side == "sell" && stop > basePrice - 0.01m)
            return VenueError.Unprocessable($"stop_loss.stop_price {Wire.Num(stop)} must be at least 0.01 below {baseName} {Wire.Num(basePrice)}");
        if (side == "buy" && stop < basePrice + 0.01m)
            return VenueError.Unprocessable($"stop_loss.stop_price {Wire.Num(stop)} must be at least 0.01 above {baseName} {Wire.Num(basePrice)}");
        return null;
    }
}

internal sealed record TakeProfitRequest(decimal? LimitPrice = null);

/// <summary>With a <c>limit_price</c> the stop-loss leg is a stop-limit order (trading/orders.md, "OCO Orders").</summary>
internal sealed record StopLossRequest(decimal? StopPrice = null, decimal? LimitPrice = null);

/// <summary>The body of <c>PATCH /v2/orders/{id}</c>: the fields to change, the rest stay.</summary>
internal sealed record ReplaceRequest(
    decimal? Qty = null, decimal? LimitPrice = null, decimal? StopPrice = null, string? TimeInForce = null, string? ClientOrderId = null)
{
    /// <summary>The first rule the request breaks against <paramref name="order"/>, or null.</summary>
    public VenueError? Check(VenueOrder order)
    {
        // trading/orders.md, "OCO Orders": "order replacement is supported to update limit_price and stop_price" only.
        if (order.OrderClass == "oco" && (Qty is not null || TimeInForce is not null))
            return VenueError.Unprocessable("only limit_price and stop_price can be replaced on a leg of an oco order");
        if (Qty is { } qty && qty <= order.FilledQty) return VenueError.Invalid("qty must be > the order's filled_qty");
        if (LimitPrice is not null && order.Type is not ("limit" or "stop_limit")) return VenueError.Invalid("limit_price can only be replaced on a limit order");
        if (LimitPrice is <= 0m) return VenueError.Invalid("limit_price must be > 0");
        if (StopPrice is not null && order.Type is not ("stop" or "stop_limit")) return VenueError.Invalid("stop_price can only be replaced on a stop order");
        if (StopPrice is <= 0m) return VenueError.Invalid("stop_price must be > 0");
        if (TimeInForce is not (null or "day" or "gtc")) return VenueError.Invalid($"invalid time_in_force: '{TimeInForce}' (day or gtc)");
        if (ClientOrderId is { Length: > 128 }) return VenueError.Invalid("client_order_id must be no more than 128 characters");
        return TickRule.Check(("limit_price", LimitPrice), ("stop_price", StopPrice));
    }
}
