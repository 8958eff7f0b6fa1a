using System.Text.Json.Nodes;

namespace Tradewire.FakeVenue;

/// <summary>
/// The <c>trade_updates</c> events of the trading stream (alpaca-docs content/api-references/trading-api/streaming.md,
/// "Trade Updates"): each is derived from an order's change of state, so whatever moved the order (a submit, a bar, a
/// cancel or replace completing) the stream tells it the same way. Every message is
/// <c>{"stream":"trade_updates","data":{"event":...,"order":{the REST order object}, ...}}</c>; fills add
/// <c>timestamp</c>, <c>price</c>, <c>qty</c>, <c>position_qty</c> and <c>execution_id</c>, the other closing
/// events add <c>timestamp</c>.
/// </summary>
internal static class TradeUpdates
{
    /// <summary>The event an order's move from <paramref name="before"/> (null: a new order) to <paramref name="after"/> sends, or null.</summary>
    public static string? EventOf(VenueOrder? before, VenueOrder after)
    {
        if (before is not null && after.FilledQty > before.FilledQty)
            return after.Status == OrderStatus.Filled ? "fill" : "partial_fill";
        if (before?.Status == after.Status)
            return null;
        return after.Status switch
        {
            OrderStatus.New when before?.Status == OrderStatus.PendingReplace => "order_replace_rejected",
            OrderStatus.PartiallyFilled or OrderStatus.Held when before?.Status == OrderStatus.PendingReplace => "order_replace_rejected",
            OrderStatus.New => "new",
            OrderStatus.PendingNew => "pending_new",
            OrderStatus.PendingCancel => "pending_cancel",
            OrderStatus.PendingReplace => "pending_replace",
            OrderStatus.Canceled => "canceled",
            OrderStatus.Expired => "expired",
            OrderStatus.Replaced => "replaced",
            OrderStatus.Rejected => "rejected",
            // A stop leg waiting held behind its take-profit parent sends nothing until it works or ends.
            _ => null,
        };
    }

    /// <summary>The whole message, as one JSON text.</summary>
    public static string Message(string @event, OrderBody order, VenueOrder after, VenueOrder? before, decimal positionQty, string executionId)
    {
        var data = new JsonObject { ["event"] = @event };
        if (@event is "fill" or "partial_fill")
        {
            var qty = after.FilledQty - (before?.FilledQty ?? 0m);
            // The price of this execution: what the order's average moved by.
            var price = ((after.FilledAvgPrice ?? 0m) * after.FilledQty - (before?.FilledAvgPrice ?? 0m) * (before?.FilledQty ?? 0m)) / qty;
            data["execution_id"] = executionId;
            data["timestamp"] = Wire.Time(after.FilledAt ?? after.UpdatedAt);
            data["price"] = Wire.Num(Math.Round(price, 6));
            data["qty"] = Wire.Num(qty);
            data["position_qty"] = Wire.Num(positionQty);
        }
        else if (@event is "canceled" or "expired" or "replaced" or "rejected")
            data["timestamp"] = Wire.Time(after.UpdatedAt);
        data["order"] = System.Text.Json.JsonSerializer.SerializeToNode(order, Wire.Json);
        return new JsonObject { ["stream"] = "trade_updates", ["data"] = data }.ToJsonString();
    }
}
