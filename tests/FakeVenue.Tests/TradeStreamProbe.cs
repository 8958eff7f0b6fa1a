using System.Net.WebSockets;
using System.Text;

namespace Tradewire.FakeVenue.Tests;

/// <summary>A raw client of the venue's trading stream: sends text messages, reads each frame (and its frame type).</summary>
internal sealed class TradeStreamProbe : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();

    public WebSocketMessageType LastFrameType { get; private set; }

    public static async Task<TradeStreamProbe> Connect(FakeVenue venue)
    {
        var probe = new TradeStreamProbe();
        await probe._socket.ConnectAsync(new Uri(venue.StreamUrl), CancellationToken.None);
        return probe;
    }

    /// <summary>Connects, authenticates with the venue's keys and listens to trade_updates (both answers asserted).</summary>
    public static async Task<TradeStreamProbe> Listening(FakeVenue venue)
    {
        var probe = await Connect(venue);
        await probe.Send(new { action = "auth", key = VenueHarness.KeyId, secret = VenueHarness.SecretKey });
        Assert.Equal("authorized", (string)(await probe.Next())["data"]!["status"]!);
        await probe.Send(new { action = "listen", data = new { streams = new[] { "trade_updates" } } });
        Assert.Equal("listening", (string)(await probe.Next())["stream"]!);
        return probe;
    }

    public Task Send(object message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, failing after a few seconds.</summary>
    public async Task<JsonNode> Next()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            LastFrameType = result.MessageType;
            return JsonNode.Parse(message.ToArray())!;
        }
    }

    /// <summary>The next <paramref name="count"/> trade_updates as (event, client_order_id).</summary>
    public async Task<List<(string Event, string ClientOrderId)>> Events(int count)
    {
        var events = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var message = await Next();
            Assert.Equal("trade_updates", (string)message["stream"]!);
            events.Add(((string)message["data"]!["event"]!, (string)message["data"]!["order"]!["client_order_id"]!));
        }
        return events;
    }

    /// <summary>True when the venue ended the connection (a close frame or a cut socket) within a few seconds.</summary>
    public async Task<bool> Ended()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var result = await _socket.ReceiveAsync(new byte[1024], timeout.Token);
            return result.MessageType == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
