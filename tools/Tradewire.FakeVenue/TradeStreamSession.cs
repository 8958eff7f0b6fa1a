using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Tradewire.FakeVenue;

/// <summary>
/// One connection to the trading stream (alpaca-docs content/api-references/trading-api/streaming.md): an
/// authentication message first, then a <c>listen</c> message, then <c>trade_updates</c> events. Both documented
/// forms of authentication are taken: <c>{"action":"auth","key":...,"secret":...}</c> and
/// <c>{"action":"authenticate","data":{"key_id":...,"secret_key":...}}</c>; the answer is on the
/// <c>authorization</c> stream, <c>authorized</c> or <c>unauthorized</c>. A <c>listen</c> before authorization is
/// answered <c>unauthorized</c> with action <c>listen</c>. The server sends binary frames, as the paper stream does
/// ("uses binary frames"); a client sends text or binary. A message that is not JSON ends the connection.
/// </summary>
internal sealed class TradeStreamSession(WebSocket socket, TradeStreamHub hub, FakeVenueOptions options)
{
    readonly Channel<string> _out = Channel.CreateUnbounded<string>();
    volatile bool _authorized;
    volatile bool _listening;

    public bool Listening => _listening;

    public void Send(string message) => _out.Writer.TryWrite(message);

    public void Abort() => socket.Abort();

    public async Task Run(CancellationToken stopping)
    {
        var writer = WriteLoop(stopping);
        try
        {
            await ReadLoop(stopping);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, the stream was cut, or the venue stops.
        }
        finally
        {
            hub.Remove(this);
            _out.Writer.TryComplete();
            socket.Abort();
            await writer;
        }
    }

    async Task ReadLoop(CancellationToken token)
    {
        while (await WebSocketMessages.Next(socket, token) is { } text)
        {
            if (Handle(text)) continue;
            await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData, "invalid message", token);
            return;
        }
    }

    bool Handle(string text)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException) { return false; }
        if (root is not JsonObject message) return false;
        switch (Text(message, "action"))
        {
            case "auth":
                Authorize(Text(message, "key"), Text(message, "secret"));
                return true;
            case "authenticate":
                Authorize(Text(message["data"] as JsonObject, "key_id"), Text(message["data"] as JsonObject, "secret_key"));
                return true;
            case "listen" when !_authorized:
                Send(Authorization("unauthorized", "listen"));
                return true;
            case "listen":
                var asked = (message["data"] as JsonObject)?["streams"] as JsonArray;
                // Streams that do not exist are left out of the acknowledgement; an empty list stops listening.
                _listening = asked?.Any(s => s?.GetValueKind() == JsonValueKind.String && (string?)s == "trade_updates") == true;
                Send(new JsonObject
                {
                    ["stream"] = "listening",
                    ["data"] = new JsonObject { ["streams"] = _listening ? new JsonArray("trade_updates") : new JsonArray() },
                }.ToJsonString());
                return true;
            default:
                return false;
        }
    }

    void Authorize(string? key, string? secret)
    {
        _authorized = key == options.KeyId && secret == options.SecretKey;
        if (_authorized) hub.Authorized();
        Send(Authorization(_authorized ? "authorized" : "unauthorized", "authenticate"));
    }

    static string Authorization(string status, string action) => new JsonObject
    {
        ["stream"] = "authorization", ["data"] = new JsonObject { ["status"] = status, ["action"] = action },
    }.ToJsonString();

    static string? Text(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;

    async Task WriteLoop(CancellationToken token)
    {
        try
        {
            await foreach (var message in _out.Reader.ReadAllAsync(token))
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Binary, true, token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; the read loop ends the session.
        }
    }
}
