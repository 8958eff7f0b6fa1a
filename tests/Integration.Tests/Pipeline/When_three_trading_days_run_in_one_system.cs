using Tradewire.Cli.BurnIn;
using static Tradewire.Integration.Tests.Dispatcher.Sql;

namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>Each of three consecutive trading days in one running system meets its own limits and reports alone.</summary>
public sealed class When_three_trading_days_run_in_one_system(ThreeDayRun run, ITestOutputHelper output) : IClassFixture<ThreeDayRun>
{
    Db Db(string service) => run.Run.Progress.For(service);
    static IEnumerable<DateOnly> Days => ThreeDayRun.Sessions.Select(s => s.Date);
    static object[] Bounds(DateOnly day) => [MarketTimeZone.DayBounds(day).Start, MarketTimeZone.DayBounds(day).End];

    [Fact]
    public void Should_finish_every_day_and_stop_cleanly()
    {
        Assert.Equal([true, true, true], run.Finished);
        Assert.All(run.ExitCodes, e => Assert.Equal(0, e.ExitCode));
    }

    [Fact]
    public async Task Should_hold_every_ticker_to_two_executions_per_trading_date_and_start_again_the_next_day()
    {
        var perDay = (await Db("dispatcher").Rows("SELECT trading_date, ticker, count(*) FROM dispatch_executions GROUP BY 1, 2"))
            .Select(r => (Day: (DateOnly)r[0]!, Ticker: (string)r[1]!, Count: (long)r[2]!)).ToList();
        Assert.Equal(Days, perDay.Select(x => x.Day).Distinct().Order());
        Assert.All(perDay, x => Assert.InRange(x.Count, 1, 2));
        foreach (var day in Days)
            Assert.InRange(perDay.Where(x => x.Day == day).Sum(x => x.Count), 5, 50);
        // Tickers at their limit on one day trade again the next: the limit is a day's, not the system's.
        var traded = ThreeDayRun.Sessions.Zip(ThreeDayRun.Sessions.Skip(1)).Sum(pair =>
            perDay.Count(x => x.Day == pair.Second.Date && perDay.Any(y => y.Day == pair.First.Date && y.Ticker == x.Ticker && y.Count == 2)));
        Assert.True(traded > 0, "no ticker that reached its daily limit traded again on a later day");
    }

    [Fact]
    public async Task Should_decide_every_recommendation_on_its_own_trading_date()
    {
        // A row still PENDING at a close is expired the next morning, never decided then; only the last day may keep some.
        var dispatcher = Db("dispatcher");
        Assert.Equal(0, await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE status = 'PROCESSING'", -1L));
        Assert.Equal(0, await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE status = 'PENDING' AND ts < $1", -1L,
            ThreeDayRun.Sessions[^1].OpenUtc));
        foreach (var day in Days)
        {
            var (from, to) = MarketTimeZone.DayBounds(day);
            Assert.Equal(0, await dispatcher.Scalar("""
                SELECT count(*) FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2 AND (processed_at < $1 OR processed_at >= $2)
                  AND skip_reason IS DISTINCT FROM 'expired:previous_trading_date'
                """, -1L, from, to));
            Assert.Equal(0, await dispatcher.Scalar("""
                SELECT count(*) FROM dispatch_executions e JOIN dispatch_recommendations r ON r.id = e.recommendation_id
                WHERE e.trading_date = $3 AND (r.ts < $1 OR r.ts >= $2)
                """, -1L, from, to, day));
        }
    }

    [Fact]
    public async Task Should_cap_entries_and_stop_on_daily_loss_per_day_not_for_good()
    {
        var broker = Db("broker-gateway");
        var halted = new List<DateOnly>();
        foreach (var day in Days)
        {
            var entries = await broker.Scalar("SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND created_at >= $1 AND created_at < $2", -1L, Bounds(day));
            var halts = await broker.Scalar("SELECT count(*) FROM risk_events WHERE reason_code = 'DAILY_LOSS_EXCEEDED' AND ticker IS NULL AND at >= $1 AND at < $2", -1L, Bounds(day));
            var capped = await broker.Scalar("SELECT count(*) FROM risk_events WHERE reason_code = 'DAILY_ORDER_CAP' AND at >= $1 AND at < $2", -1L, Bounds(day));
            Assert.True(entries > 0, $"{day}: no entry at all (a limit of an earlier day carried over)");
            Assert.InRange(entries, 1, ThreeDayRun.MaxOrdersPerDay);
            Assert.True(entries == ThreeDayRun.MaxOrdersPerDay && capped > 0 || halts > 0,
                $"{day}: {entries} entries, {capped} cap refusals, {halts} daily-loss halts: neither daily limit bound");
            var data = await BurnInData.Load(run.Run.Progress.For, day, BurnInCommand.PaperEquity);
            Assert.Equal(0, data.EntriesAfterDailyLossStop);
            if (halts > 0)
                halted.Add(day);
        }
        foreach (var day in halted.Where(d => d != Days.Last()))
        {
            var next = ThreeDayRun.Sessions.First(s => s.Date > day);
            Assert.Equal(1, await broker.Scalar("""
                SELECT count(*) FROM trading_state_history WHERE reason = 'NEW_TRADING_DAY' AND state = 'ACTIVE' AND at >= $1 AND at < $2
                """, -1L, Bounds(next.Date)));
        }
    }

    /// <summary>
    /// How much a day trades (distinct tickers, notional range, gate rejection share) is the shakedown's calibration
    /// expectation, not a per-day limit: a second day trades from its first minute on warm indicators, so those
    /// are printed here and not asserted.
    /// </summary>
    static readonly string[] Calibration = ["executed tickers", "smallest position notional", "largest position notional", "gate rejection share"];

    [Fact]
    public async Task Should_end_every_day_flat_and_meet_the_shakedown_limits_of_that_day()
    {
        var failed = new List<string>();
        foreach (var day in Days)
            foreach (var c in await new SessionReport(run.Run.Progress, day).Build())
            {
                var calibration = Calibration.Contains(c.Name);
                output.WriteLine($"{day} {c.Name}: expected {c.Expected}, observed {c.Observed}{(c.Passed ? "" : calibration ? " (calibration, not asserted)" : " FAIL")}");
                if (!c.Passed && !calibration)
                    failed.Add($"{day} {c.Name}: expected {c.Expected}, observed {c.Observed}");
            }
        Assert.True(failed.Count == 0, string.Join("; ", failed));
        Assert.Equal(0, await Db("broker-gateway").Scalar("SELECT count(*) FROM positions WHERE qty <> 0", -1L));
    }

    [Fact]
    public async Task Should_answer_the_date_filtered_runbook_queries_with_each_days_numbers_alone()
    {
        var dispatcher = Db("dispatcher");
        var daily = await Rows(run.Run.Database("dispatcher"), Dispatcher.SeedQueries.DailyExecutionCount);
        Assert.Equal(Days.Reverse(), daily.Select(r => (DateOnly)r["date"]!));
        foreach (var day in Days)
        {
            var executions = await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions WHERE trading_date = $1", -1L, day);
            var notional = await dispatcher.Scalar("SELECT sum(notional) FROM dispatch_executions WHERE trading_date = $1", -1m, day);
            Assert.Equal(executions, Long(daily.Single(r => (DateOnly)r["date"]! == day)["executions"]));

            var evening = run.Evening[day];
            var today = Assert.Single(evening[nameof(Dispatcher.SeedQueries.CountExecutionsToday)]);
            Assert.Equal(executions, Long(today["total"]));
            Assert.Equal(notional, Dec(today["total_notional"]));
            // That evening's status counts are the day's final ones, except that rows left PENDING at the close
            // show as expired the next morning.
            var statuses = (await dispatcher.Rows("""
                SELECT CASE WHEN skip_reason = 'expired:previous_trading_date' THEN 'PENDING' ELSE status END, count(*)
                FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2 GROUP BY 1
                """, Bounds(day))).ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
            Assert.Equal(statuses, evening[nameof(Dispatcher.SeedQueries.ProcessingHealthCheck)].ToDictionary(r => (string)r["status"]!, r => Long(r["count"])));
            var skipped = await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SKIPPED' AND processed_at >= $1 AND processed_at < $2", -1L, Bounds(day));
            Assert.Equal(skipped, evening[nameof(Dispatcher.SeedQueries.GatePassFailStats)].Sum(r => Long(r["times_fired"])));
        }
    }

    [Fact]
    public async Task Should_carry_warm_indicators_across_the_overnight_gap()
    {
        // Features carry their state from one session into the next (docs/architecture.md, "Across sessions"):
        // the second day's first bars are ready at once, and their one-bar return spans the night.
        var open = ThreeDayRun.Sessions[1].OpenUtc;
        var rows = await Db("features").Rows("SELECT bool_and(ready), min(bar_count) FROM lane_features WHERE minute = $1", open);
        Assert.True((bool)rows[0][0]!);
        Assert.True((int)rows[0][1]! > 50, $"bar_count {rows[0][1]} at the second day's open");
    }
}
