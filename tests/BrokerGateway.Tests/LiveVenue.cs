using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.Contracts.Market;
using Tradewire.FakeVenue;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// The minute engine on the LIVE adapter, over HTTP to the local venue that speaks Alpaca's Trading API v2 as
/// strictly as Alpaca's documents. Each minute the venue sees its bars first, then the engine the same minute.
/// </summary>
public sealed class LiveVenue : IAsyncDisposable
{
    const string KeyId = "PKTEST", SecretKey = "secret";

    LiveVenue(FakeVenue.FakeVenue venue, HttpClient http, AlpacaOptions options, bool shorts, TimeProvider time)
    {
        Venue = venue;
        Http = http;
        Options = options;
        Broker = new AlpacaBroker(http, options, new AlpacaRateBudget(options, time), NullLogger.Instance);
        Harness = new Harness(broker: Broker, limits: new Risk.RiskLimits { AllowShorts = shorts });
    }

    public FakeVenue.FakeVenue Venue { get; }
    public HttpClient Http { get; }
    public AlpacaOptions Options { get; }
    public AlpacaBroker Broker { get; }
    public Harness Harness { get; }

    /// <param name="time">The adapter's request-quota clock (the venue's is in its options); the system's unless a test drives it.</param>
    public static async Task<LiveVenue> Start(Func<FakeVenueOptions, FakeVenueOptions>? venue = null, Action<AlpacaOptions>? adapter = null,
        TimeProvider? time = null)
    {
        var venueOptions = new FakeVenueOptions { KeyId = KeyId, SecretKey = SecretKey };
        var shorts = venue?.Invoke(venueOptions).Shorting ?? false;
        var fake = await FakeVenue.FakeVenue.Start(venue is null ? venueOptions : venue(venueOptions));
        var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl + "/"), Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", KeyId);
        http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", SecretKey);
        var options = new AlpacaOptions
        {
            BaseUrl = fake.BaseUrl, KeyId = KeyId, SecretKey = SecretKey, RequestTimeout = TimeSpan.FromSeconds(2),
            RetryDelay = TimeSpan.FromMilliseconds(10), FlattenWait = TimeSpan.FromMilliseconds(300),
        };
        adapter?.Invoke(options);
        return new LiveVenue(fake, http, options, shorts, time ?? TimeProvider.System);
    }

    /// <summary>One minute: the venue matches its bars, then the engine acts on them.</summary>
    public async Task Step(DateTimeOffset minute, params Bar[] bars)
    {
        Venue.ApplyBars(bars.Select(b => new FakeBar(b.Symbol, b.Minute, b.Open, b.High, b.Low, b.Close, b.Volume)).ToList());
        await Harness.Step(minute, bars);
    }

    /// <summary>A LIVE bracket requested at <paramref name="minute"/>, entered at 100 on the next minute and protected by its OCO pair.</summary>
    public async Task<Domain.Bracket> Enter(DateTimeOffset minute, string ticker = "AAPL", decimal stop = 95m, decimal target = 110m, Bar? fillBar = null,
        int maxHold = 240, string side = "BUY")
    {
        var bracket = Harness.Request(ticker, stop: stop, target: target, minute: minute, mode: "LIVE", maxHold: maxHold, side: side);
        await Step(minute, Harness.Flat(ticker, minute, 100m));
        await Step(minute.AddMinutes(1), fillBar ?? Harness.Flat(ticker, minute.AddMinutes(1), 100m));
        return bracket;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        Http.Dispose();
        await Venue.DisposeAsync();
    }
}
