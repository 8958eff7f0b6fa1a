using System.Text.Json;
using Tradewire.FakeVenue.MarketData;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Replay;

namespace Tradewire.Ingest.Tests.Live;

/// <summary>
/// The live session with livewire's real Alpaca client against the local Alpaca data server playing the sample
/// session on a 60 x market clock anchored late in the day (the morning is backfilled at start, the rest paced),
/// into a recording sink instead of the database: no broker, no PostgreSQL.
/// </summary>
public class When_a_live_session_reads_the_local_alpaca_server
{
    static readonly DateOnly Friday = new(2026, 11, 20);
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    static void AssertSameBars(IReadOnlyList<ReplayMinute> expected, IReadOnlyList<ReplayMinute> published, params (string Symbol, DateTimeOffset Minute)[] except)
    {
        Assert.Equal(expected.Select(m => m.Minute), published.Select(m => m.Minute));
        foreach (var (want, got) in expected.Zip(published))
        {
            var wanted = want.Bars.Where(b => !except.Contains((b.Symbol, b.Minute))).ToList();
            Assert.True(wanted.SequenceEqual(got.Bars),
                $"{got.Minute:O}: missing {string.Join(", ", wanted.Except(got.Bars))}; extra {string.Join(", ", got.Bars.Except(wanted))}");
        }
    }

    static string Json(LiveFeedStatus status) => JsonSerializer.Serialize(status.Snapshot(DateTimeOffset.UtcNow));

    [Fact]
    public async Task Should_publish_the_replays_minutes_and_bars_through_a_refused_auth_and_two_drops()
    {
        var close = new ServiceDefaults.MarketTime.NyseCalendar().GetSession(Friday)!.CloseUtc;
        await using var day = await LocalAlpacaDay.Start(Friday, 20,
            new DataFault(DataFaultKind.RefuseAuth, Times: 1),
            new DataFault(DataFaultKind.DropAt, Minute: close.AddMinutes(-14)),
            new DataFault(DataFaultKind.DropAt, Minute: close.AddMinutes(-7)));
        var (live, sink) = day.Live();

        await live.Run(new CancellationTokenSource(Patience).Token);

        AssertSameBars(day.Replay(), sink.Published.Select(p => p.Minute).ToList());
        Assert.Empty(sink.Stale);
        Assert.Equal(2, day.Server.Journal.Count(j => j.Kind == "dropped"));
        Assert.Contains(day.Server.Journal, j => j.Kind == "refused");
        // The recording's bad values are refused with the replay's codes; nothing is late. A bar of the close's minute
        // or later may reach the session before it stops (the stream runs on while the last minute closes, sooner or
        // later on a loaded host): it is refused as outside the session, and only such a bar may be.
        var refused = sink.Recorded.Where(r => !(r.Outcome.Refusal?.ReasonCode == BarRejection.OutsideSession && r.Bar.Minute >= close)).ToList();
        Assert.Equal([BarRejection.HighBelowLow, BarRejection.NegativeVolume], refused.Select(r => r.Outcome.Refusal?.ReasonCode).Order());
        Assert.Contains("\"reconnects\":2", Json(day.Status));
    }

    [Fact]
    public async Task Should_record_a_bar_held_past_the_watermark_and_an_updated_bar_without_reopening_their_minutes()
    {
        var close = new ServiceDefaults.MarketTime.NyseCalendar().GetSession(Friday)!.CloseUtc;
        var held = ("AAPL", close.AddMinutes(-10));
        await using var day = await LocalAlpacaDay.Start(Friday, 15,
            new DataFault(DataFaultKind.HoldBar, Symbol: "AAPL", Minute: close.AddMinutes(-10), Seconds: 180),
            new DataFault(DataFaultKind.UpdateBar, Symbol: "MSFT", Minute: close.AddMinutes(-8), Seconds: 30));
        var (live, sink) = day.Live();

        await live.Run(new CancellationTokenSource(Patience).Token);

        // The held bar's minute closed without it, once; the updated bar changed nothing.
        AssertSameBars(day.Replay(), sink.Published.Select(p => p.Minute).ToList(), held);
        var recorded = sink.Recorded.Where(r => r.Outcome.Fate is BarFate.Late or BarFate.Updated).ToList();
        Assert.Equal(2, recorded.Count);
        var late = Assert.Single(recorded, r => r.Outcome.Fate == BarFate.Late);
        Assert.Equal(held, (late.Bar.Symbol, late.Bar.Minute));
        Assert.Equal(BarRejection.MinuteAlreadyClosed, late.Outcome.Refusal!.ReasonCode);
        Assert.True(late.Outcome.MinuteClosedAt < late.Bar.ReceivedAt, "the late bar came after its minute closed");
        var updated = Assert.Single(recorded, r => r.Outcome.Fate == BarFate.Updated);
        Assert.Equal(("MSFT", close.AddMinutes(-8)), (updated.Bar.Symbol, updated.Bar.Minute));
        Assert.Contains("\"lateBars\":1", Json(day.Status));
        Assert.Contains("\"updatedBars\":1", Json(day.Status));
    }

    [Fact]
    public async Task Should_close_an_early_close_day_at_13_00_with_the_calendars_minutes()
    {
        var blackFriday = new DateOnly(2026, 11, 27);
        await using var day = await LocalAlpacaDay.Start(blackFriday, 10);
        var (live, sink) = day.Live();

        await live.Run(new CancellationTokenSource(Patience).Token);

        var published = sink.Published.Select(p => p.Minute).ToList();
        Assert.Equal(210, published.Count);
        Assert.Equal(day.Session.CloseUtc.AddMinutes(-1), published[^1].Minute);
        AssertSameBars(day.Replay(), published);
    }

    [Fact]
    public async Task Should_resume_after_a_restart_at_the_first_unpublished_minute_and_publish_nothing_twice()
    {
        await using var day = await LocalAlpacaDay.Start(Friday, 20);
        var (first, before) = day.Live();
        using (var stop = new CancellationTokenSource(Patience))
        {
            var run = first.Run(stop.Token);
            while (!run.IsCompleted && before.Published.Count < 380)
                await Task.Delay(20);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        var stoppedAt = before.Published.Last().Minute.Minute;
        Assert.True(stoppedAt < day.Session.CloseUtc.AddMinutes(-1), "the first run finished the session before the restart");

        var (second, after) = day.Live(lastMinute: stoppedAt);
        await second.Run(new CancellationTokenSource(Patience).Token);

        Assert.Equal(stoppedAt.AddMinutes(1), after.Published.First().Minute.Minute);
        AssertSameBars(day.Replay(), [.. before.Published.Select(p => p.Minute), .. after.Published.Select(p => p.Minute)]);
    }
}
