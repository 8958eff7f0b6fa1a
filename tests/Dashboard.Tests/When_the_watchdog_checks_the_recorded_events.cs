using Tradewire.Contracts.Risk;
using Tradewire.Dashboard.Watchdog;
using Tradewire.ServiceDefaults.MarketTime;
using static Tradewire.Dashboard.Tests.Events;

namespace Tradewire.Dashboard.Tests;

public sealed class When_the_watchdog_checks_the_recorded_events
{
    static readonly TradingSession Session = new NyseCalendar().GetSession(new DateOnly(2026, 11, 20))!;
    static readonly WatchdogOptions Options = new();

    static WatchdogSnapshot Snapshot(int bars, int features, int news, int runs, int simulated = 0, int skipped = 0, bool done = false,
        params Tradewire.Contracts.Execution.OrderFilled[] fills) =>
        new(Session, new Dictionary<string, DateTimeOffset>
        {
            ["bars"] = Open.AddMinutes(bars), ["features"] = Open.AddMinutes(features), ["news"] = Open.AddMinutes(news),
            ["dispatcher_runs"] = Open.AddMinutes(runs),
        }, simulated, skipped, done, fills);

    static IReadOnlyList<WatchdogAlert> Check(WatchdogSnapshot snapshot) => WatchdogRules.Evaluate(snapshot, Options);

    [Fact]
    public void Should_raise_nothing_while_every_stream_keeps_up_within_the_threshold()
    {
        Assert.Empty(Check(Snapshot(bars: 100, features: 99, news: 100, runs: 95)));
    }

    [Fact]
    public void Should_call_a_stream_stale_when_it_falls_more_than_the_threshold_behind_the_newest_data()
    {
        var alert = Assert.Single(Check(Snapshot(bars: 100, features: 94, news: 100, runs: 98)));
        Assert.Equal(("FEATURES_STALE", Severity.Critical), (alert.ReasonCode, alert.Severity));
        Assert.Equal(6, alert.Detail["observedMinutesBehind"]);
        Assert.Equal(5, alert.Detail["thresholdMinutes"]);
        // Market time from the data: the newest minute any stream reached, here the news.
        Assert.Equal(Open.AddMinutes(100), alert.At);
    }

    [Fact]
    public void Should_key_a_stall_by_the_minute_it_stopped_at_so_it_is_raised_once_and_again_only_after_a_new_stall()
    {
        var first = Check(Snapshot(bars: 100, features: 100, news: 100, runs: 90)).Single().Key;
        Assert.Equal(first, Check(Snapshot(bars: 130, features: 130, news: 130, runs: 90)).Single().Key);
        Assert.NotEqual(first, Check(Snapshot(bars: 200, features: 200, news: 200, runs: 150)).Single().Key);
    }

    [Fact]
    public void Should_count_the_night_before_a_session_as_no_lag()
    {
        // The first minute's bars are in; the other streams still show the previous session's close.
        var yesterday = Open.AddDays(-1).AddMinutes(389);
        var snapshot = Snapshot(bars: 2, features: 0, news: 0, runs: 0) with
        {
            Latest = new Dictionary<string, DateTimeOffset> { ["bars"] = Open.AddMinutes(2), ["features"] = yesterday, ["news"] = yesterday, ["dispatcher_runs"] = yesterday },
        };
        Assert.Empty(Check(snapshot));
        var late = snapshot with { Latest = new Dictionary<string, DateTimeOffset>(snapshot.Latest) { ["bars"] = Open.AddMinutes(5) } };
        Assert.Equal(["DISPATCHER_RUNS_STALE", "FEATURES_STALE", "NEWS_STALE"], Check(late).Select(a => a.ReasonCode).Order());
    }

    [Fact]
    public void Should_flag_a_session_without_executions_only_once_its_last_dispatcher_run_is_in()
    {
        Assert.Empty(Check(Snapshot(389, 389, 389, 388, done: false)));
        Assert.Equal("NO_EXECUTIONS_IN_SESSION", Check(Snapshot(389, 389, 389, 389, done: true)).Single().ReasonCode);
        Assert.Equal("ALL_DECISIONS_SKIPPED", Check(Snapshot(389, 389, 389, 389, skipped: 12, done: true)).Single().ReasonCode);
        Assert.Empty(Check(Snapshot(389, 389, 389, 389, simulated: 1, skipped: 12, done: true)));
    }

    [Fact]
    public void Should_flag_stuck_processing_rows_the_dispatchers_latest_run_counted_once_per_session()
    {
        Assert.Empty(Check(Snapshot(50, 50, 50, 50) with { StuckProcessing = (0, Open.AddMinutes(50)) }));
        var first = Check(Snapshot(50, 50, 50, 50) with { StuckProcessing = (2, Open.AddMinutes(50)) }).Single();
        Assert.Equal(("STUCK_PROCESSING_ROWS", 2), (first.ReasonCode, first.Detail["observed"]));
        Assert.Equal(first.Key, Check(Snapshot(60, 60, 60, 60) with { StuckProcessing = (1, Open.AddMinutes(60)) }).Single().Key);
    }

    [Fact]
    public void Should_flag_an_open_position_worth_more_than_fifty_thousand_dollars_at_its_last_fill()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Empty(Check(Snapshot(10, 10, 10, 10, fills: Fill(a, "AAPL", "ENTRY", "BUY", 250, 200m, 3)))); // exactly 50,000: not over
        var alert = Check(Snapshot(10, 10, 10, 10, fills: [Fill(a, "AAPL", "ENTRY", "BUY", 250, 200m, 3), Fill(b, "AAPL", "ENTRY", "BUY", 10, 201m, 5)])).Single();
        Assert.Equal(("POSITION_NOTIONAL_EXCEEDED", "AAPL"), (alert.ReasonCode, alert.Ticker));
        Assert.Equal(260 * 201m, alert.Detail["observed"]);
        // A short counts by its size too; a partly exited position by what is left.
        Assert.Single(Check(Snapshot(10, 10, 10, 10, fills: Fill(a, "TSLA", "ENTRY", "SELL", 300, 400m, 3))));
        Assert.Empty(Check(Snapshot(10, 10, 10, 10, fills: [Fill(a, "TSLA", "ENTRY", "SELL", 300, 400m, 3), Fill(a, "TSLA", "EXIT", "BUY", 200, 400m, 4)])));
    }
}
