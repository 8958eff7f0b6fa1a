using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>A raw WebSocket client that speaks the stream's messages by hand, to test the server's side of the wire.</summary>
internal sealed class StreamProbe : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    readonly ClientWebSocket _socket = new();

    public static async Task<StreamProbe> Connect(Uri url)
    {
        var probe = new StreamProbe();
        await probe._socket.ConnectAsync(url, CancellationToken.None);
        return probe;
    }

    /// <summary>Connects, checks the welcome message, authenticates and subscribes to bars and updated bars of <paramref name="symbols"/>.</summary>
    public static async Task<StreamProbe> Subscribed(Uri url, string key, string secret, params string[] symbols)
    {
        var probe = await Connect(url);
        Assert.Equal("""[{"T":"success","msg":"connected"}]""", await probe.NextText());
        await probe.Send(new { action = "auth", key, secret });
        Assert.Equal("""[{"T":"success","msg":"authenticated"}]""", await probe.NextText());
        await probe.Send(new { action = "subscribe", bars = symbols, updatedBars = symbols });
        Assert.Equal("subscription", (string)(await probe.Next())![0]!["T"]!);
        return probe;
    }

    public Task Send(object message) => SendText(JsonSerializer.Serialize(message));

    public Task SendText(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame as an array, or null when the server closed or dropped the connection.</summary>
    public async Task<JsonArray?> Next() => await NextText() is { } text ? JsonNode.Parse(text)!.AsArray() : null;

    public async Task<string?> NextText()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("no frame from the server in time");
            return null;
        }
    }

    /// <summary>Bar messages until <paramref name="count"/> have arrived (control messages are not expected meanwhile).</summary>
    public async Task<List<JsonObject>> Bars(int count)
    {
        var bars = new List<JsonObject>();
        while (bars.Count < count)
        {
            var frame = await Next() ?? throw new InvalidOperationException($"closed after {bars.Count} of {count} bars");
            bars.AddRange(frame.Select(m => m!.AsObject()));
        }
        return bars;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
