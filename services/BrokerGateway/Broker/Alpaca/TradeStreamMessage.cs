using System.Text.Json;

namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>
/// One message of Alpaca's trading stream (trading-api/streaming.md), read as far as the gateway needs it:
/// <c>{"stream":"authorization","data":{"status":"authorized"|"unauthorized","action":...}}</c>,
/// <c>{"stream":"listening","data":{"streams":[...]}}</c>, or
/// <c>{"stream":"trade_updates","data":{"event":...,"order":{...,"client_order_id":...}}}</c>.
/// The stream names an order's state change; the fill itself is read from the order over REST, so no figure of the
/// message is trusted here.
/// </summary>
public sealed record TradeStreamMessage(string Stream, string? Status, IReadOnlyList<string> Streams, string? Event, string? ClientOrderId)
{
    /// <summary>The events after which the venue's filled quantity of the order may have grown.</summary>
    public bool IsFill => Stream == "trade_updates" && Event is "fill" or "partial_fill";

    /// <summary>
    /// The events the ledger acts on between minutes: a fill, or a cancel carried out (an OCO pair cancelled to be
    /// placed again for a larger position waits for it, unprotected for the shares it did not cover).
    /// </summary>
    public bool Wakes => IsFill || Stream == "trade_updates" && Event == "canceled";

    /// <summary>The message, or null when it is not a JSON object with a <c>stream</c> (the caller logs and skips it).</summary>
    public static TradeStreamMessage? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "stream") is not { } stream)
                return null;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            var streams = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            var order = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("order", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
            return new TradeStreamMessage(stream, Text(data, "status"), streams, Text(data, "event"), Text(order, "client_order_id"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
