using Tradewire.Ingest.Persistence;
using Tradewire.ServiceDefaults.Symbols;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.FakeVenue.MarketData;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Live.Alpaca;
using Tradewire.Ingest.Replay;
using Tradewire.Ingest.Tests.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Live;

/// <summary>
/// The sample session played by the local Alpaca data server on a 60 x market clock, re-dated to
/// <paramref name="date"/>, and live sessions that read it with livewire's real client into recording sinks.
/// </summary>
sealed class LocalAlpacaDay(MarketDataServer server, ScaledTimeProvider clock, DateOnly date) : IAsyncDisposable
{
    const string Key = "k", Secret = "s";
    public const decimal Speed = 60m;
    public static readonly NyseCalendar Calendar = new();
    public static readonly Universe Universe = Universe.Load(RepoFiles.Universe);
    readonly HttpClient _http = new();

    public MarketDataServer Server { get; } = server;
    public TradingSession Session { get; } = Calendar.GetSession(date)!;
    public LiveFeedStatus Status { get; } = new(Options);

    // At 60 x a wall second is a market minute: a two-minute watermark leaves the socket two wall seconds.
    static LiveOptions Options => new() { Feed = "simulated", Watermark = TimeSpan.FromMinutes(2), MaxHold = TimeSpan.FromMinutes(30) };

    /// <summary>Starts the server with its market clock at <paramref name="minutesBeforeClose"/> before the session's close.</summary>
    public static async Task<LocalAlpacaDay> Start(DateOnly date, int minutesBeforeClose, params DataFault[] faults)
    {
        var origin = Calendar.GetSession(date)!.CloseUtc.AddMinutes(-minutesBeforeClose);
        var startedAt = DateTimeOffset.UtcNow;
        var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = Key, SecretKey = Secret, SessionDirectory = RepoFiles.SampleSession, Date = date,
            Speed = Speed, Origin = origin, StartedAt = startedAt, Faults = faults,
        });
        return new LocalAlpacaDay(server, new ScaledTimeProvider(origin, startedAt, Speed), date);
    }

    /// <summary>A live session of the day resuming after <paramref name="lastMinute"/> (null: from the open).</summary>
    public (LiveSession Session, RecordingSink Sink) Live(DateTimeOffset? lastMinute = null)
    {
        var feed = new AlpacaMarketDataFeed(new AlpacaMarketDataOptions
        {
            StreamUrl = Server.StreamUrl("iex").ToString(), RestUrl = Server.BaseUrl, KeyId = Key, SecretKey = Secret,
            ReconnectDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500), RestRetryDelay = TimeSpan.FromMilliseconds(50),
        }, _http, clock, NullLogger<AlpacaMarketDataFeed>.Instance);
        var sink = new RecordingSink(new SessionProgress(Session.Date, null, Speed, "RUNNING", lastMinute));
        return (new LiveSession(Session, feed, new MarketClock(clock, Calendar), clock, Universe, sink, Status, Options, NullLogger<LiveSession>.Instance), sink);
    }

    /// <summary>What a replay of the sample session as this day publishes.</summary>
    public IReadOnlyList<ReplayMinute> Replay() => ReplayPlan.Load(RepoFiles.SampleSession, Session.Date, Calendar, Universe.Symbols).Minutes;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
