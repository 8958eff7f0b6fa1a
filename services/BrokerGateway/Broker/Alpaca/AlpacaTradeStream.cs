using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Tradewire.BrokerGateway.Venue;

namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>
/// Alpaca's trading stream (<c>wss://{paper-}api.alpaca.markets/stream</c>, trading-api/streaming.md): authenticate,
/// listen to <c>trade_updates</c>, and on every fill, partial fill or completed cancel wake <see cref="VenueFillWake"/>, which books it
/// through the minute step's own fill path, so a fill reaches the ledger within moments instead of at the next minute.
/// The stream only wakes; what is booked is read from the venue's orders, so a lost, duplicated or reordered event
/// changes nothing. Every (re)connection is followed by a catch-up read (events sent while it was away are gone
/// for good), and a connection that fails or drops is tried again with a growing, jittered pause. The per-minute
/// read of the minute step stays as the fallback. Runs when the Alpaca venue is configured (URL and key pair).
/// </summary>
public sealed class AlpacaTradeStream(IOptions<BrokerOptions> options, VenueFillWake wake, ILogger<AlpacaTradeStream> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var alpaca = options.Value.Alpaca;
        if (alpaca.TradeStreamUri() is not { } uri || string.IsNullOrWhiteSpace(alpaca.KeyId) || string.IsNullOrWhiteSpace(alpaca.SecretKey))
        {
            log.LogInformation("Alpaca trade_updates stream off: no venue configured (Broker:Alpaca BaseUrl and key pair)");
            return;
        }
        // One pipeline per connection: the pause grows while connecting keeps failing and starts small again after a session.
        var connecting = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue, BackoffType = DelayBackoffType.Exponential, UseJitter = true,
            Delay = alpaca.StreamReconnectDelay, MaxDelay = alpaca.StreamReconnectMaxDelay,
            OnRetry = a =>
            {
                log.LogWarning("Alpaca trade_updates stream: {Error}; connecting again in {Delay}", a.Outcome.Exception?.Message, a.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var socket = await connecting.ExecuteAsync(async token => await Connect(uri, alpaca, token), stoppingToken);
                // Events sent while no connection listened are lost: read the venue once now.
                wake.Wake("stream connected");
                await Listen(socket, stoppingToken);
                log.LogWarning("Alpaca trade_updates stream closed by the venue; connecting again");
            }
            catch (Exception e) when (e is WebSocketException or IOException or InvalidDataException)
            {
                log.LogWarning("Alpaca trade_updates stream dropped: {Error}; connecting again", e.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>An authorized connection listening to trade_updates, or an exception saying which step failed.</summary>
    async Task<ClientWebSocket> Connect(Uri uri, AlpacaOptions alpaca, CancellationToken token)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(alpaca.RequestTimeout);
            await socket.ConnectAsync(uri, timeout.Token);
            await Send(socket, new { action = "auth", key = alpaca.KeyId, secret = alpaca.SecretKey }, timeout.Token);
            var auth = await Receive(socket, timeout.Token);
            if (auth is not { Stream: "authorization", Status: "authorized" })
                throw new InvalidDataException($"not authorized by the venue ({auth?.Status ?? "no answer"})");
            await Send(socket, new { action = "listen", data = new { streams = new[] { "trade_updates" } } }, timeout.Token);
            var listening = await Receive(socket, timeout.Token);
            if (listening is not { Stream: "listening" } || !listening.Streams.Contains("trade_updates"))
                throw new InvalidDataException("the venue did not confirm listening to trade_updates");
            log.LogInformation("Alpaca trade_updates stream listening at {Host}", uri.Host);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    async Task Listen(ClientWebSocket socket, CancellationToken token)
    {
        while (await Receive(socket, token) is { } message)
        {
            if (message.Wakes)
                wake.Wake($"trade_updates {message.Event} {message.ClientOrderId}");
            else
                log.LogDebug("Alpaca trade_updates: {Event} {ClientOrderId}", message.Event ?? message.Stream, message.ClientOrderId);
        }
    }

    static Task Send(ClientWebSocket socket, object message, CancellationToken token) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, token);

    /// <summary>
    /// The next message, or null once the venue closed the connection. Text and binary frames are read alike (the
    /// paper stream sends binary ones); a frame that is not a stream message is skipped.
    /// </summary>
    static async Task<TradeStreamMessage?> Receive(ClientWebSocket socket, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
                continue;
            if (TradeStreamMessage.Parse(frame.GetBuffer().AsSpan(0, (int)frame.Length)) is { } message)
                return message;
            frame.SetLength(0);
        }
    }
}
