using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Polly;
using Polly.Retry;

namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>
/// <see cref="IMarketDataFeed"/> over Alpaca's Market Data API v2: the real-time stream for bars as they are
/// published, <c>GET /v2/stocks/bars</c> for the backfill. A failed or refused attempt is retried with exponential
/// backoff and jitter; after a connection that was subscribed and then dropped, the backoff starts over at its first
/// (jittered) step, since bars are being published meanwhile. Thread-safe; each <see cref="Stream"/> call owns one connection.
/// </summary>
public sealed class AlpacaMarketDataFeed : IMarketDataFeed
{
    readonly AlpacaMarketDataOptions _options;
    readonly TimeProvider _time;
    readonly TimeProvider _wall;
    readonly ILogger _logger;
    readonly AlpacaBarsClient _bars;
    readonly ResiliencePipeline _reconnect;
    long _malformed;

    /// <param name="http">Sends the REST requests; its base address and headers are set here.</param>
    /// <param name="time">Stamps the events (<c>At</c>, <c>ReceivedAt</c>).</param>
    /// <param name="wall">
    /// Times the network waits (backoff, rate-limit resets): those run on the wall clock that Alpaca's servers keep,
    /// even when <paramref name="time"/> is a simulated market clock. Default: the system clock.
    /// </param>
    public AlpacaMarketDataFeed(AlpacaMarketDataOptions options, HttpClient http, TimeProvider time, ILogger<AlpacaMarketDataFeed> logger,
        TimeProvider? wall = null)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        _options = options;
        _time = time;
        _wall = wall ?? TimeProvider.System;
        _logger = logger;
        _bars = new AlpacaBarsClient(options, http, time, _wall, logger, () => Interlocked.Increment(ref _malformed));
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = _wall }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StreamAttemptFailed>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.ReconnectMaxDelay,
                OnRetry = args =>
                {
                    _logger.LogWarning("Market data stream attempt {Attempt} failed ({Reason}); next in {Delay}",
                        args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Stream messages and REST bars that broke Alpaca's documented shape, skipped and logged so far.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    public async IAsyncEnumerable<FeedEvent> Stream(IReadOnlyCollection<string> symbols, [EnumeratorCancellation] CancellationToken token)
    {
        ArgumentOutOfRangeException.ThrowIfZero(symbols.Count);
        var events = Channel.CreateUnbounded<FeedEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var producer = Task.Run(() => Produce(symbols, events.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await Next(events.Reader, token))
                while (events.Reader.TryRead(out var item))
                    yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    public Task<IReadOnlyList<FeedBar>> Backfill(IReadOnlyCollection<string> symbols, DateTimeOffset start, DateTimeOffset end, CancellationToken token) =>
        _bars.Fetch(symbols, start, end, token);

    /// <summary>Connects again and again until cancelled; every event goes to <paramref name="events"/>.</summary>
    async Task Produce(IReadOnlyCollection<string> symbols, ChannelWriter<FeedEvent> events, CancellationToken token)
    {
        var connection = new AlpacaStreamConnection(_options, _time, _logger, () => Interlocked.Increment(ref _malformed));
        try
        {
            while (!token.IsCancellationRequested)
            {
                await _reconnect.ExecuteAsync(async t => await connection.Run(symbols, events, t), token);
                // Dropped after bars had flowed: the backoff starts over at its first step, jittered so that clients
                // dropped together by the server do not all come back at the same instant.
                await Task.Delay(FirstStep(), _wall, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stream's consumer has stopped listening.
        }
        catch (Exception e)
        {
            // Not a network or protocol failure (those are retried): a defect. Logged, and the stream ends loudly.
            _logger.LogError(e, "Market data stream stopped by an unexpected error");
            events.TryComplete(e);
            return;
        }
        events.TryComplete();
    }

    /// <summary>The reconnect delay, scaled by a random factor in [0.5, 1.5).</summary>
    TimeSpan FirstStep() => _options.ReconnectDelay * (0.5 + Random.Shared.NextDouble());

    /// <summary>Waits for the next event; false once cancelled or completed, so the enumeration ends quietly.</summary>
    static async Task<bool> Next(ChannelReader<FeedEvent> reader, CancellationToken token)
    {
        try
        {
            return await reader.WaitToReadAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return false;
        }
    }
}
