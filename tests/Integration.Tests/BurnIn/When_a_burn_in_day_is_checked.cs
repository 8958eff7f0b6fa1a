using Tradewire.Cli.BurnIn;
using Tradewire.Cli.Outcomes;
using Tradewire.Integration.Tests.Pipeline;
using Tradewire.Integration.Tests.Smoke;

namespace Tradewire.Integration.Tests.BurnIn;

/// <summary>
/// <c>burnin check</c> on one replayed session: healthy it is GO; each seeded defect (put into the databases,
/// then taken out again) fails on its own criterion and shows the observed value.
/// </summary>
[Collection(RunningSessionCollection.Name)]
public sealed class When_a_burn_in_day_is_checked(RunningSession day, ITestOutputHelper log)
{
    [Fact]
    public async Task Should_pass_every_criterion_on_a_healthy_session_and_archive_the_verdict()
    {
        Assert.True(day.Finished, "the replay did not finish");
        var result = await Check();
        Assert.All(result.Criteria, c => Assert.True(c.Passed, $"{c.Name}: {c.Observed} (expected {c.Expected})"));
        Assert.Equal("GO", result.Verdict);
        Assert.Equal(RunningSession.HeatCap, day.Limits.MaxPortfolioHeatFraction);
        Assert.Contains("<= 5 %", result.Criteria.Single(c => c.Name.StartsWith("portfolio heat", StringComparison.Ordinal)).Expected, StringComparison.Ordinal);
        var archived = DayResult.FromJson(await File.ReadAllTextAsync(Path.Combine(day.Reports, DayResult.FileName(SampleSessionRun.Date))));
        Assert.Equal(result.Criteria, archived.Criteria);
    }

    [Fact]
    public async Task Should_fail_on_an_orphan_oco_sibling_left_working()
    {
        // A target filled while its stop is still working: the orphan, which is also an open order after the close.
        var stop = await day.Db("broker-gateway").Scalar<string>("""
            SELECT s.client_order_id FROM orders f JOIN orders s ON s.oco_group = f.oco_group AND s.leg_role = 'STOP'
            WHERE f.leg_role = 'TARGET' AND f.status = 'FILLED' AND s.status = 'CANCELLED' LIMIT 1
            """, "");
        Assert.NotEqual("", stop);
        await Seeded($"UPDATE orders SET status = 'WORKING' WHERE client_order_id = '{stop}'",
            $"UPDATE orders SET status = 'CANCELLED' WHERE client_order_id = '{stop}'",
            ["no orphan OCO sibling", "zero open orders after the hard-flat time"], "1");
    }

    [Fact]
    public async Task Should_fail_on_a_duplicate_client_order_id()
    {
        var id = await day.Db("broker-gateway").Scalar<string>("SELECT client_order_id FROM orders WHERE status = 'CANCELLED' AND filled_qty = 0 LIMIT 1", "");
        Assert.NotEqual("", id);
        var (seed, remove) = SeededOrders.Duplicate(id);
        await Seeded(seed, remove, ["no duplicate client_order_id"], "1");
    }

    [Fact]
    public async Task Should_fail_on_a_position_open_after_the_hard_flat_time()
    {
        // Entered after the tighten time (so no stop was due to tighten) and still open after the hard-flat time.
        var session = SampleSessionRun.Session;
        var flat = session.CloseUtc.AddMinutes(-day.Limits.FlattenMinutesBeforeClose);
        var tighten = session.CloseUtc.AddMinutes(-day.Limits.TightenMinutesBeforeClose);
        var id = await day.Db("broker-gateway").Scalar<string>("SELECT execution_id::text FROM brackets WHERE filled_qty > 0 ORDER BY closed_at DESC LIMIT 1", "");
        var times = (await day.Db("broker-gateway").Rows("SELECT entry_filled_at, closed_at FROM brackets WHERE execution_id = $1::uuid", id))[0];
        string At(object? t) => new DateTimeOffset((DateTime)t!, TimeSpan.Zero).ToString("O");
        await Seeded($"UPDATE brackets SET entry_filled_at = '{tighten.AddMinutes(1):O}', closed_at = '{flat.AddMinutes(2):O}' WHERE execution_id = '{id}'",
            $"UPDATE brackets SET entry_filled_at = '{At(times[0])}', closed_at = '{At(times[1])}' WHERE execution_id = '{id}'",
            ["flat at the hard-flat time"], "1");
    }

    [Fact]
    public async Task Should_fail_on_an_order_without_config_sha()
    {
        var id = await day.Db("broker-gateway").Scalar<string>("SELECT client_order_id FROM orders LIMIT 1", "");
        var sha = await day.Db("broker-gateway").Scalar<string>("SELECT config_sha FROM orders WHERE client_order_id = $1", "", id);
        await Seeded($"UPDATE orders SET config_sha = '' WHERE client_order_id = '{id}'",
            $"UPDATE orders SET config_sha = '{sha}' WHERE client_order_id = '{id}'", ["every order has config_sha"], "1");
    }

    [Fact]
    public async Task Should_fail_on_a_heat_breach_above_the_configured_cap()
    {
        // One position's stop moved 10 000 $ a share away: its open risk alone is far above 5 % of the equity.
        var id = await day.Db("broker-gateway").Scalar<string>("SELECT execution_id::text FROM brackets WHERE filled_qty > 0 LIMIT 1", "");
        var stop = await day.Db("broker-gateway").Scalar("SELECT stop_price FROM brackets WHERE execution_id = $1::uuid", 0m, id);
        await Seeded($"UPDATE brackets SET stop_price = CASE side WHEN 'BUY' THEN avg_entry_price - 10000 ELSE avg_entry_price + 10000 END WHERE execution_id = '{id}'",
            $"UPDATE brackets SET stop_price = {stop} WHERE execution_id = '{id}'", ["portfolio heat never above the configured cap"], "max ");
    }

    [Fact]
    public async Task Should_label_every_execution_and_skipped_recommendation_once_and_change_nothing_on_a_second_run()
    {
        Assert.True(day.Finished, "the replay did not finish");
        var date = SampleSessionRun.Date;
        var (from, to) = MarketTimeZone.DayBounds(date);
        var dispatcher = day.Db("dispatcher");
        // The after-the-close job sees the session over (the dispatcher finished its last minute) and labels it once.
        var schedule = new OutcomeSchedule(day.Run.Progress.For, log.WriteLine);
        Assert.Equal([date], await schedule.Poll());
        Assert.Empty(await schedule.Poll());

        var executions = await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions WHERE trading_date = $1", 0L, date);
        var skipped = await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SKIPPED' AND ts >= $1 AND ts < $2", 0L, from, to);
        Assert.True(executions > 0 && skipped > 0, $"{executions} executions, {skipped} skipped: the session must have both");
        Assert.Equal(executions + skipped, await dispatcher.Scalar("SELECT labelled FROM outcome_runs WHERE trading_date = $1", 0L, date));
        Assert.Equal(executions + skipped, await dispatcher.Scalar("SELECT count(*) FROM outcomes WHERE trading_date = $1", 0L, date));
        Assert.Equal(0L, await dispatcher.Scalar("""
            SELECT count(*) FROM dispatch_executions e WHERE e.trading_date = $1
              AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.execution_id = e.execution_id AND o.kind = 'EXECUTION' AND o.levels_source = 'EXECUTION')
            """, -1L, date));
        Assert.Equal(0L, await dispatcher.Scalar("""
            SELECT count(*) FROM dispatch_recommendations r WHERE r.status = 'SKIPPED' AND r.ts >= $1 AND r.ts < $2
              AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.recommendation_id = r.id AND o.kind = 'SKIPPED')
            """, -1L, from, to));
        // Every execution was priced, so each has a stop-or-target answer; every null value carries its reason.
        Assert.Equal(0L, await dispatcher.Scalar("SELECT count(*) FROM outcomes WHERE kind = 'EXECUTION' AND first_hit IS NULL", -1L));
        Assert.Equal(0L, await dispatcher.Scalar("""
            SELECT count(*) FROM outcomes WHERE (fwd_ret_1m IS NULL AND NOT null_reasons ? 'fwd_ret_1m') OR (fwd_ret_60m IS NULL AND NOT null_reasons ? 'fwd_ret_60m')
              OR (first_hit IS NULL AND NOT null_reasons ? 'first_hit') OR (regime IS NULL AND NOT null_reasons ? 'regime')
            """, -1L));
        Assert.True(await dispatcher.Scalar("SELECT count(*) FROM outcomes WHERE fwd_ret_15m IS NOT NULL AND regime IS NOT NULL", 0L) > 0);

        const string Snapshot = "SELECT recommendation_id, xmin::text, to_jsonb(o)::text FROM outcomes o ORDER BY recommendation_id";
        var before = await dispatcher.Rows(Snapshot);
        var second = await OutcomeAnnotator.Run(day.Run.Progress.For, date, DateTimeOffset.UnixEpoch);
        Assert.Equal(executions + skipped, second.Labelled);
        Assert.Equal(0, second.Written);
        Assert.Equal(before.Select(r => string.Join('|', r)), (await dispatcher.Rows(Snapshot)).Select(r => string.Join('|', r)));

        using var output = new StringWriter();
        await day.Check(output);
        log.WriteLine(output.ToString());
        Assert.Contains($"outcomes {date:yyyy-MM-dd} execution: {executions} labelled; first hit stop ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"outcomes {date:yyyy-MM-dd} skipped: {skipped} labelled", output.ToString(), StringComparison.Ordinal);
    }

    async Task<DayResult> Check()
    {
        using var output = new StringWriter();
        var result = await day.Check(output);
        log.WriteLine(output.ToString());
        return result;
    }

    /// <summary>Seeds the defect, checks that exactly the named criteria fail (showing <paramref name="observed"/>), then removes it.</summary>
    async Task Seeded(string seed, string remove, string[] failing, string observed)
    {
        var broker = day.Db("broker-gateway");
        await broker.Rows(seed);
        try
        {
            var result = await Check();
            Assert.Equal(failing.Order(StringComparer.Ordinal), result.Criteria.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.StartsWith(observed, result.Criteria.Single(c => c.Name == failing[0]).Observed, StringComparison.Ordinal);
            Assert.Equal("NO-GO", result.Verdict);
        }
        finally
        {
            await broker.Rows(remove);
        }
    }
}
