using System.Text.Json;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Replay;
using static Tradewire.Ingest.Tests.Live.LiveSessionHarness;

namespace Tradewire.Ingest.Tests.Live;

public class When_a_live_session_runs
{
    static List<(DateTimeOffset, FeedEvent)> Without(List<(DateTimeOffset At, FeedEvent Event)> bars, params (DateTimeOffset From, DateTimeOffset To)[] outages) =>
        bars.Where(b => !outages.Any(o => b.At >= o.From && b.At < o.To)).Select(b => (b.At, b.Event)).ToList();

    [Fact]
    public async Task Should_publish_every_bar_once_in_order_through_two_disconnects_and_a_refused_authentication()
    {
        var harness = new LiveSessionHarness(TimeSpan.FromMinutes(5), bars =>
        [
            (At(0), new FeedConnected(At(0))),
            .. Without(bars, (At(2, 30), At(4, 50)), (At(6, 30), At(6, 55))),
            (At(2, 30), new FeedDisconnected(At(2, 30), "connection reset")),
            (At(3), new FeedFault(At(3), 402, "auth failed")),
            (At(4, 50), new FeedConnected(At(4, 50))),
            (At(6, 30), new FeedDisconnected(At(6, 30), "connection reset")),
            (At(6, 55), new FeedConnected(At(6, 55))),
        ]);
        await harness.Run();

        var published = harness.Sink.Published.ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(m => At(m)), published.Select(p => p.Minute.Minute));
        Assert.All(published, p => Assert.Equal(Symbols, p.Minute.Bars.Select(b => b.Symbol)));
        Assert.Equal(Published.Select(b => (b.Symbol, b.Minute, b.Volume)).Order(),
            published.SelectMany(p => p.Minute.Bars).Select(b => (b.Symbol, b.Minute, b.Volume)).Order());
        Assert.Empty(harness.Sink.Stale);
        Assert.Empty(harness.Sink.Recorded);
        Assert.NotEmpty(harness.Feed.Backfills);
        Assert.All(harness.Feed.Backfills, b => Assert.True(b.At >= b.To.AddSeconds(5), $"backfill of {b.To:O} at {b.At:O}: before its watermark"));
        // A connected minute closes at its watermark; the minutes of the long outage wait for the reconnect.
        Assert.Equal(At(1, 5), published[0].At);
        Assert.Equal(At(4, 50), published[2].At);

        using var status = JsonDocument.Parse(JsonSerializer.Serialize(harness.Status.Snapshot(harness.Time.GetUtcNow())));
        Assert.Equal("simulated", status.RootElement.GetProperty("feed").GetString());
        Assert.Equal(2, status.RootElement.GetProperty("reconnects").GetInt32());
        Assert.Equal(At(9).ToString("O"), status.RootElement.GetProperty("lastClosedMinute").GetString());
        Assert.Equal("2026-12-04", status.RootElement.GetProperty("session").GetString());
    }

    [Fact]
    public async Task Should_close_stale_after_max_hold_raise_feed_stale_once_and_keep_late_and_updated_bars_out()
    {
        var harness = new LiveSessionHarness(TimeSpan.FromMinutes(1), bars =>
        [
            (At(0), new FeedConnected(At(0))),
            .. Without(bars, (At(2, 30), At(6, 10))),
            (At(2, 2), Bar("AAPL", 1, close: 100.5m, updated: true)),
            (At(2, 30), new FeedDisconnected(At(2, 30), "connection reset")),
            (At(6, 10), new FeedConnected(At(6, 10))),
            (At(6, 20), Bar("MSFT", 3)),
        ]);
        await harness.Run();

        var published = harness.Sink.Published.Select(p => p.Minute).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(m => At(m)), published.Select(p => p.Minute));
        Assert.Equal([2, 2, 0, 0, 0, 2, 2, 2, 2, 2], published.Select(p => p.Bars.Count));
        Assert.Equal([At(2)], harness.Sink.Stale);
        Assert.Equal(100m, published[1].Bars[0].Close); // the updated bar changed nothing

        var recorded = harness.Sink.Recorded.ToList();
        Assert.Equal([BarFate.Updated, BarFate.Late], recorded.Select(r => r.Outcome.Fate));
        Assert.Equal(BarRejection.MinuteAlreadyClosed, recorded[1].Outcome.Refusal!.ReasonCode);
        Assert.Equal(At(5, 5), recorded[1].Outcome.MinuteClosedAt);
    }
}
