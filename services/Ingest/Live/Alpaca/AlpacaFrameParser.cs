using System.Text.Json;

namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>
/// Reads one stream frame. The real-time stock data page: "Every message you receive from the server will be in the
/// format <c>[{"T": "{message_type}", {contents}},...]</c>"; control messages are <c>success</c>, <c>error</c> and
/// <c>subscription</c>; minute bars are <c>b</c>, updated bars <c>u</c>. Anything else of the right shape is
/// skipped; a frame or message of the wrong shape is <see cref="StreamMessage.Malformed"/>, never an exception.
/// </summary>
internal static class AlpacaFrameParser
{
    public static IReadOnlyList<StreamMessage> Parse(string frame, DateTimeOffset receivedAt)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(frame); }
        catch (JsonException e) { return [new StreamMessage.Malformed($"frame is not JSON: {e.Message}")]; }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [new StreamMessage.Malformed("frame is not a JSON array")];
            return doc.RootElement.EnumerateArray().Select(m => Message(m, receivedAt)).ToList();
        }
    }

    static StreamMessage Message(JsonElement m, DateTimeOffset receivedAt)
    {
        if (m.ValueKind != JsonValueKind.Object || Text(m, "T") is not { } type) return new StreamMessage.Malformed("a message has no \"T\"");
        switch (type)
        {
            case "success":
                return Text(m, "msg") is { } msg ? new StreamMessage.Success(msg) : new StreamMessage.Malformed("success without msg");
            case "error":
                return m.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var code)
                    ? new StreamMessage.Error(code, Text(m, "msg") ?? "")
                    : new StreamMessage.Malformed("error without a numeric code");
            case "subscription":
                return new StreamMessage.Subscription(Strings(m, "bars"));
            case "b" or "u":
                if (Text(m, "S") is not { Length: > 0 } symbol) return new StreamMessage.Malformed($"a bar ({type}) without S");
                return AlpacaBarReader.Read(m, symbol, type == "u", receivedAt, out var problem) is { } bar
                    ? new StreamMessage.Bar(bar)
                    : new StreamMessage.Malformed(problem!);
            default:
                return new StreamMessage.Other(type);
        }
    }

    static string? Text(JsonElement m, string name) =>
        m.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    static IReadOnlyList<string> Strings(JsonElement m, string name) =>
        m.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}
