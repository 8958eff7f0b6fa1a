using Tradewire.Cli.Operate;

namespace Tradewire.Integration.Tests.Operate;

/// <summary>Status formatting and the lag between stages (pure; no services).</summary>
public class When_status_is_shown
{
    // 2026-11-20 is a Friday; 15:00 UTC is 10:00 in New York (EST).
    static readonly DateTimeOffset TenAm = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Wall = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stage_three_minutes_behind_shows_the_minutes_and_the_latency_on_its_own_minute()
    {
        var ingest = new StageProgress("ingest", TenAm.AddMinutes(3), Wall.AddSeconds(9), null);
        var classifier = new StageProgress("classifier", TenAm, Wall.AddSeconds(1.5), Wall);

        Assert.Equal(3, classifier.MinutesBehind(ingest));
        Assert.Equal(TimeSpan.FromSeconds(1.5), classifier.Latency);
        Assert.Equal("10:00", classifier.MinuteText);
        Assert.Equal("   classifier      10:00  3 min behind ingest, 1.5 s after it on 10:00", StatusView.StageLine(classifier, ingest));
    }

    [Fact]
    public void A_stage_that_has_not_started_has_no_lag_and_says_so()
    {
        var ingest = new StageProgress("ingest", TenAm, Wall, null);
        var features = new StageProgress("features", null, null, null);

        Assert.Null(features.MinutesBehind(ingest));
        Assert.Null(features.Latency);
        Assert.Equal("   features        -      not started", StatusView.StageLine(features, ingest));
        Assert.Equal("   ingest          10:00 ", StatusView.StageLine(ingest, null));
    }

    [Fact]
    public void The_screen_shows_readiness_restarts_and_an_unknown_feed()
    {
        var settings = new RunSettings(RunSettings.Replay, null, null, 1m, null, null, "PAPER");
        var supervisor = new SupervisorState(42, Wall.AddMinutes(-90), "replay",
            [new SupervisorState.Unit("classifier", 7, "running", Wall.AddMinutes(-2), 1, null)],
            [new SupervisorState.Restart(Wall.AddMinutes(-2), "classifier", 137, 5400.2, 1, 1)]);
        var snapshot = new StatusSnapshot(42, settings, supervisor,
            [("ingest", new Uri("http://127.0.0.1:7101"), true), ("classifier", new Uri("http://127.0.0.1:7102"), false)],
            new DateOnly(2026, 11, 20), [new StageProgress("ingest", TenAm, Wall, null), new StageProgress("classifier", TenAm, Wall.AddSeconds(2), Wall)],
            null, "ACTIVE, equity 100,000.00");

        var text = StatusView.Render(snapshot, Wall);

        Assert.False(snapshot.AllReady);
        Assert.Contains("Tradewire up: supervisor pid 42, feed replay, since 2026-12-07 08:30:00Z (1 h 30 min)", text);
        Assert.Contains("ingest           http://127.0.0.1:7101    yes    0", text);
        Assert.Contains("classifier       http://127.0.0.1:7102    NO     1", text);
        Assert.Contains("Session 2026-11-20", text);
        Assert.Contains("   classifier      10:00  0 min behind ingest, 2.0 s after it on 10:00", text);
        Assert.Contains("Feed: unknown (ingest does not answer GET /feed)", text);
        Assert.Contains("Trading: ACTIVE, equity 100,000.00, mode PAPER", text);
        Assert.Contains("2026-12-07 09:58:00Z classifier exited with code 137 after 5400.2 s; restarted after 1 s (2 min 0 s ago)", text);
    }

    [Fact]
    public void Not_up_is_not_ready_even_with_nothing_to_show()
    {
        var snapshot = new StatusSnapshot(null, null, null, [], null, [], null, null);
        Assert.False(snapshot.AllReady);
        Assert.StartsWith("Tradewire is not up (no supervisor running): ./tradewire up", StatusView.Render(snapshot, Wall));
    }

    [Fact]
    public void The_feed_answer_is_read_leniently()
    {
        var feed = FeedStatus.Parse("""{"feed":"simulated","state":"CONNECTED","session":"2026-11-20","barsLastMinute":40,"reconnects":2,"lastFault":null}""");
        Assert.Equal(new FeedStatus("simulated", "CONNECTED", null, "2026-11-20", 40, 2, null), feed);
        Assert.Equal(new FeedStatus("unknown", "unknown", null, null, 0, 0, null), FeedStatus.Parse("{}"));
    }
}
