using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>
/// One connection to the stream, through the real-time page's communication flow: connect, the welcome
/// <c>[{"T":"success","msg":"connected"}]</c>, <c>{"action":"auth",...}</c> answered by <c>authenticated</c> or an
/// error, <c>{"action":"subscribe","bars":[...],"updatedBars":[...]}</c> answered by the subscription list, then data.
/// </summary>
internal sealed class AlpacaStreamConnection(AlpacaMarketDataOptions options, TimeProvider time, ILogger logger, Action onMalformed)
{
    /// <summary>Far above any frame Alpaca sends; a larger one is refused rather than buffered without end.</summary>
    const int MaxFrameBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Runs one connection until it ends. Returns once it had been subscribed and then dropped (after writing
    /// <see cref="FeedDisconnected"/>); throws <see cref="StreamAttemptFailed"/> when it never got that far (after
    /// writing <see cref="FeedFault"/> if the server refused us).
    /// </summary>
    public async Task Run(IReadOnlyCollection<string> symbols, ChannelWriter<FeedEvent> events, CancellationToken token)
    {
        var url = options.EffectiveStreamUrl;
        using var socket = new ClientWebSocket();
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(token);
        handshake.CancelAfter(options.HandshakeTimeout);
        try
        {
            await socket.ConnectAsync(url, handshake.Token);
            await Expect(socket, events, m => m is StreamMessage.Success { Msg: "connected" }, "the welcome", handshake.Token);
            await Send(socket, new { action = "auth", key = options.KeyId, secret = options.SecretKey }, handshake.Token);
            await Expect(socket, events, m => m is StreamMessage.Success { Msg: "authenticated" }, "authentication", handshake.Token);
            var wanted = symbols.ToArray();
            await Send(socket, new { action = "subscribe", bars = wanted, updatedBars = wanted }, handshake.Token);
            await Expect(socket, events, m => m is StreamMessage.Subscription, "the subscription", handshake.Token);
        }
        catch (Exception e) when (e is not StreamAttemptFailed && !(e is OperationCanceledException && token.IsCancellationRequested))
        {
            // Whatever the network or the server did (refused upgrade, reset, timeout, an invalid close), the attempt
            // failed and is retried: a market-data feed must not end because one connection went wrong.
            throw new StreamAttemptFailed($"stream {Redact.Url(url)}: {(e is OperationCanceledException ? "handshake timed out" : e.Message)}", e);
        }
        events.TryWrite(new FeedConnected(time.GetUtcNow()));
        logger.LogInformation("Market data stream {Url} subscribed to bars of {Count} symbols", Redact.Url(url), symbols.Count);

        var reason = await Pump(socket, events, token);
        token.ThrowIfCancellationRequested();
        logger.LogWarning("Market data stream {Url} disconnected: {Reason}", Redact.Url(url), reason);
        events.TryWrite(new FeedDisconnected(time.GetUtcNow(), reason));
    }

    /// <summary>Yields data until the connection ends; the reason it ended, in words.</summary>
    async Task<string> Pump(ClientWebSocket socket, ChannelWriter<FeedEvent> events, CancellationToken token)
    {
        try
        {
            while (true)
            {
                var frame = await Receive(socket, token);
                if (frame is null)
                    return $"closed by the server ({socket.CloseStatus?.ToString() ?? "no status"} {socket.CloseStatusDescription})".TrimEnd();
                Handle(frame, events);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"connection lost: {e.Message}";
        }
    }

    /// <summary>Reads frames until one holds the awaited control message; a refusal on the way is a FeedFault.</summary>
    async Task Expect(ClientWebSocket socket, ChannelWriter<FeedEvent> events, Func<StreamMessage, bool> awaited, string what, CancellationToken token)
    {
        while (true)
        {
            var frame = await Receive(socket, token) ?? throw new StreamAttemptFailed($"closed by the server while waiting for {what}");
            foreach (var message in Handle(frame, events))
            {
                if (awaited(message)) return;
                if (message is StreamMessage.Error error)
                    throw new StreamAttemptFailed($"refused while waiting for {what}: {error.Code} {error.Msg}");
            }
        }
    }

    IReadOnlyList<StreamMessage> Handle(string frame, ChannelWriter<FeedEvent> events)
    {
        var messages = AlpacaFrameParser.Parse(frame, time.GetUtcNow());
        foreach (var message in messages)
            switch (message)
            {
                case StreamMessage.Bar bar: events.TryWrite(bar.Value); break;
                case StreamMessage.Error error:
                    logger.LogWarning("Market data stream refused: {Code} {Message}", error.Code, error.Msg);
                    events.TryWrite(new FeedFault(time.GetUtcNow(), error.Code, error.Msg));
                    break;
                case StreamMessage.Malformed bad:
                    onMalformed();
                    logger.LogWarning("Market data stream sent a malformed message, skipped: {Reason}", bad.Reason);
                    break;
            }
        return messages;
    }

    static Task Send(ClientWebSocket socket, object message, CancellationToken token) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, token);

    /// <summary>The next text frame, or null once the server closed (the close is answered).</summary>
    static async Task<string?> Receive(ClientWebSocket socket, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return null;
            }
            if (frame.Length + result.Count > MaxFrameBytes) throw new WebSocketException($"a frame over {MaxFrameBytes} bytes");
            frame.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
        }
    }
}
