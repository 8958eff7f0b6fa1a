using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// One stream connection, following the real-time stock data page's communication flow: the welcome message, then
/// an auth message within the auth timeout, then subscribe/unsubscribe messages at any time. Frames leave through one
/// writer loop, because a WebSocket allows one send at a time and both this loop and the publisher send.
/// </summary>
internal sealed class StreamSession(int id, WebSocket socket, bool iex, DataBook book, StreamHub hub, SimulatedClock clock, MarketDataOptions options)
{
    readonly Channel<(string Frame, StreamError? Closing)> _out = Channel.CreateUnbounded<(string, StreamError?)>();
    readonly CancellationTokenSource _ending = new();
    volatile bool _authenticated;

    public int Id => id;
    public bool Authenticated => _authenticated;
    public Subscriptions Subscriptions { get; } = new(iex);

    public void Send(string frame) => _out.Writer.TryWrite((frame, null));

    public void Abort() => socket.Abort();

    public async Task Run(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _ending.Token);
        hub.Add(this);
        book.Record(clock.Now, "connected", id);
        var writer = WriteLoop(linked.Token);
        Send(StreamMessages.Connected());
        _ = AuthDeadline(linked.Token);
        try
        {
            await ReadLoop(linked.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away, we dropped it, or the server stops: the journal's "closed" says so.
        }
        finally
        {
            hub.Remove(this);
            _out.Writer.TryComplete();
            socket.Abort();
            await writer;
            book.Record(clock.Now, "closed", id);
        }
    }

    async Task ReadLoop(CancellationToken token)
    {
        while (await WebSocketMessages.Next(socket, token) is { } text)
            Handle(text);
    }

    void Handle(string text)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException) { Refuse(StreamError.InvalidSyntax); return; }
        using (doc)
        {
            var root = doc.RootElement;
            var action = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()
                : null;
            switch (action)
            {
                case "auth": Authenticate(root); break;
                case "subscribe" or "unsubscribe" when !_authenticated: Refuse(StreamError.NotAuthenticated); break;
                case "subscribe" or "unsubscribe":
                    if (Subscriptions.Apply(root, add: action == "subscribe") is { } refused) { Refuse(refused); break; }
                    book.Record(clock.Now, "subscribed", id, detail: action);
                    Send(StreamMessages.Subscription(Subscriptions));
                    break;
                default: Refuse(StreamError.InvalidSyntax); break;
            }
        }
    }

    void Authenticate(JsonElement root)
    {
        if (_authenticated) { Refuse(StreamError.AlreadyAuthenticated); return; }
        string? Text(string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (Text("key") is not { } key || Text("secret") is not { } secret) { Refuse(StreamError.InvalidSyntax); return; }
        // A scripted refusal is used up by any attempt, right or wrong keys alike.
        var scripted = book.TakeAuthRefusal();
        if (scripted || key != options.KeyId || secret != options.SecretKey) { Refuse(StreamError.AuthFailed); return; }
        if (!hub.TryClaim(this)) { Refuse(StreamError.ConnectionLimit); return; }
        _authenticated = true;
        book.Record(clock.Now, "authenticated", id);
        Send(StreamMessages.Authenticated());
    }

    void Refuse(StreamError error)
    {
        book.Record(clock.Now, "refused", id, detail: error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _out.Writer.TryWrite((StreamMessages.Error(error), error.Closes ? error : null));
    }

    async Task AuthDeadline(CancellationToken token)
    {
        try { await Task.Delay(options.AuthTimeout, clock.Wall, token); }
        catch (OperationCanceledException) { return; }
        if (!_authenticated) Refuse(StreamError.AuthTimeout);
    }

    async Task WriteLoop(CancellationToken token)
    {
        try
        {
            await foreach (var (frame, closing) in _out.Reader.ReadAllAsync(token))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, token);
                if (closing is null) continue;
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, closing.Message, token);
                // The client answers the close frame; one that does not is cut off, so the session cannot linger.
                _ending.CancelAfter(TimeSpan.FromSeconds(5));
                return;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is gone; the read loop ends the session.
        }
    }
}
