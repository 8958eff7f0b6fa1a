using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.FakeVenue.Tests.MarketData;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Live.Alpaca;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>Ingest's <see cref="AlpacaMarketDataFeed"/> pointed at a local market-data server.</summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    FeedHarness(DataHarness data, AlpacaMarketDataFeed feed, HttpClient http)
    {
        Data = data;
        Feed = feed;
        _http = http;
    }

    readonly HttpClient _http;
    public DataHarness Data { get; }
    public AlpacaMarketDataFeed Feed { get; }

    public static async Task<FeedHarness> Start(SessionFolder folder, int pageLimit = 10_000, string secret = DataHarness.SecretKey,
        decimal speed = 600, DateTimeOffset? origin = null, params DataFault[] faults)
    {
        var data = await DataHarness.Start(folder, speed, origin, faults: faults);
        var http = new HttpClient();
        return new FeedHarness(data, Create(data, http, pageLimit, secret), http);
    }

    /// <summary>Another feed on the same server (a second client of the same key pair).</summary>
    public AlpacaMarketDataFeed Another() => Create(Data, _http, 10_000, DataHarness.SecretKey);

    static AlpacaMarketDataFeed Create(DataHarness data, HttpClient http, int pageLimit, string secret) => new(
        new AlpacaMarketDataOptions
        {
            StreamUrl = data.Stream.ToString(), RestUrl = data.Server.BaseUrl, KeyId = DataHarness.KeyId, SecretKey = secret,
            ReconnectDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
            RestRetryDelay = TimeSpan.FromMilliseconds(50), PageLimit = pageLimit,
        },
        http, TimeProvider.System, NullLogger<AlpacaMarketDataFeed>.Instance);

    /// <summary>
    /// Streams <paramref name="symbols"/> until <paramref name="done"/> holds for what arrived, then stops listening.
    /// The session starts running once the feed is first connected, so no bar goes out before it listens.
    /// </summary>
    public async Task<List<FeedEvent>> Collect(AlpacaMarketDataFeed feed, string[] symbols, Func<List<FeedEvent>, bool> done)
    {
        var events = new List<FeedEvent>();
        using var stop = new CancellationTokenSource();
        var waited = Stopwatch.StartNew();
        using var patience = new CancellationTokenSource(Patience);
        await using var _ = patience.Token.Register(stop.Cancel);
        await foreach (var e in feed.Stream(symbols, stop.Token))
        {
            events.Add(e);
            if (e is FeedConnected) Data.Go();
            if (done(events)) break;
        }
        Assert.True(done(events), $"gave up after {waited.Elapsed.TotalSeconds:F0} s with: {string.Join(", ", events.Select(Describe))}");
        return events;
    }

    public static string Describe(FeedEvent e) => e switch
    {
        FeedBar b => $"{(b.Updated ? "u" : "b")} {b.Symbol} {b.Minute:HH:mm}",
        FeedFault f => $"fault {f.Code}",
        _ => e.GetType().Name,
    };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Data.DisposeAsync();
    }
}
