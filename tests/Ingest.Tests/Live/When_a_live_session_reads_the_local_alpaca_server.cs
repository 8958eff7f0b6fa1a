using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.FakeVenue.MarketData;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Live.Alpaca;
using Tradewire.Ingest.Replay;
using Tradewire.Ingest.Tests.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Live;

/// <summary>
/// The live session with livewire's real Alpaca client against the local Alpaca data server playing the sample
/// session on a 60 x market clock anchored late in the day (the morning is backfilled at start, the rest paced),
/// into a recording sink instead of the database: no broker, no PostgreSQL.
/// </summary>
public class When_a_live_session_reads_the_local_alpaca_server
{
    const string Key = "k", Secret = "s";
    static readonly NyseCalendar Calendar = new();
    static readonly DateOnly Date = new(2026, 11, 20);
    static readonly TradingSession Session = Calendar.GetSession(Date)!;

    static async Task<(RecordingSink Sink, LiveFeedStatus Status, MarketDataServer Server)> Run(DateTimeOffset origin, params DataFault[] faults)
    {
        const decimal speed = 60m;
        var startedAt = DateTimeOffset.UtcNow;
        var server = await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = Key, SecretKey = Secret, SessionDirectory = Tradewire.Tests.Shared.ServedSession.Copy(RepoFiles.SampleSession), Speed = speed, Origin = origin, StartedAt = startedAt, Faults = faults,
        });
        var clock = new ScaledTimeProvider(origin, startedAt, speed);
        using var http = new HttpClient();
        var feed = new AlpacaMarketDataFeed(new AlpacaMarketDataOptions
        {
            StreamUrl = server.StreamUrl("iex").ToString(), RestUrl = server.BaseUrl, KeyId = Key, SecretKey = Secret,
            ReconnectDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(500), RestRetryDelay = TimeSpan.FromMilliseconds(50),
        }, http, clock, NullLogger<AlpacaMarketDataFeed>.Instance);
        // At 60 x a wall second is a market minute: a two-minute watermark leaves the socket two wall seconds.
        var options = new LiveOptions { Feed = "simulated", Watermark = TimeSpan.FromMinutes(2), MaxHold = TimeSpan.FromMinutes(30) };
        var sink = new RecordingSink(new SessionProgress(Date, null, speed, "RUNNING", null));
        var status = new LiveFeedStatus(options);
        var session = new LiveSession(Session, feed, new MarketClock(clock, Calendar), clock, Universe.Load(RepoFiles.Universe), sink, status, options,
            NullLogger<LiveSession>.Instance);
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await session.Run(patience.Token);
        return (sink, status, server);
    }

    static ReplayPlan Replay() => ReplayPlan.Load(RepoFiles.SampleSession, Date, Calendar, Universe.Load(RepoFiles.Universe).Symbols);

    [Fact]
    public async Task Should_publish_the_replays_minutes_and_bars_through_a_refused_auth_and_two_drops()
    {
        var close = Session.CloseUtc;
        var (sink, status, server) = await Run(close.AddMinutes(-20),
            new DataFault(DataFaultKind.RefuseAuth, Times: 1),
            new DataFault(DataFaultKind.DropAt, Minute: close.AddMinutes(-14)),
            new DataFault(DataFaultKind.DropAt, Minute: close.AddMinutes(-7)));
        await using var _ = server;

        var expected = Replay().Minutes;
        var published = sink.Published.Select(p => p.Minute).ToList();
        Assert.Equal(expected.Select(m => m.Minute), published.Select(m => m.Minute));
        foreach (var (want, got) in expected.Zip(published))
            Assert.True(want.Bars.SequenceEqual(got.Bars), $"{got.Minute:O}: {got.Bars.Count} bars, the replay has {want.Bars.Count}; missing {string.Join(", ", want.Bars.Except(got.Bars))}; extra {string.Join(", ", got.Bars.Except(want.Bars))}");
        Assert.Empty(sink.Stale);
        Assert.Equal(2, server.Journal.Count(j => j.Kind == "dropped"));
        Assert.Contains(server.Journal, j => j.Kind == "refused");
        // The recording's bad values are refused with the replay's codes; nothing is late.
        Assert.Equal([BarRejection.HighBelowLow, BarRejection.NegativeVolume],
            sink.Recorded.Select(r => r.Outcome.Refusal?.ReasonCode).Order());
        Assert.True(status.Snapshot(DateTimeOffset.UtcNow) is { } s && System.Text.Json.JsonSerializer.Serialize(s).Contains("\"reconnects\":2"),
            System.Text.Json.JsonSerializer.Serialize(status.Snapshot(DateTimeOffset.UtcNow)));
    }
}
