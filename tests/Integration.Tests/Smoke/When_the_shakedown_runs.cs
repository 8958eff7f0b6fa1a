using Tradewire.Cli.Shakedown;
using Tradewire.Integration.Tests.Pipeline;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>
/// <c>shakedown</c> on the replayed week (the sample session is its one trading day with data): healthy, every
/// required check passes and the baseline is saved and compared with the previous week's; each seeded defect
/// fails its own checks with the observed value.
/// </summary>
[Collection(RunningSessionCollection.Name)]
public sealed class When_the_shakedown_runs(RunningSession session, ITestOutputHelper log)
{
    static readonly string Day = $"{SampleSessionRun.Date:yyyy-MM-dd}";

    [Fact]
    public async Task Should_answer_the_five_questions_and_save_the_baseline_for_next_week()
    {
        Assert.True(session.Finished, "the replay did not finish");
        var dir = Path.Combine(session.Reports, "healthy");
        Directory.CreateDirectory(dir);
        var lastWeek = new ShakedownBaseline(SampleSessionRun.Date.AddDays(-13), SampleSessionRun.Date.AddDays(-7), 3, 2, 0.75m, 70m, 5000m, "ZZLAST");
        await File.WriteAllTextAsync(Path.Combine(dir, ShakedownBaseline.FileName(lastWeek.To)), lastWeek.ToJson());

        var (result, output) = await Shakedown(dir);
        Assert.All(result.Lines.Where(l => l.Required), l => Assert.True(l.Ok, $"{l.Name}: {l.Observed} (expected {l.Expected})"));
        Assert.Equal(5, result.Lines.Count(l => l.Required && l.Name[0] is >= '1' and <= '5' && l.Name[1] == '.'));
        Assert.Contains(result.Lines, l => l.Name == $"{Day} stuck PROCESSING rows (reaper clears them)");

        var dispatcher = session.Db("dispatcher");
        var executions = await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions", 0L);
        var top = await dispatcher.Scalar("SELECT ticker FROM dispatch_executions GROUP BY ticker ORDER BY count(*) DESC, ticker LIMIT 1", "");
        var saved = ShakedownBaseline.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, ShakedownBaseline.FileName(SampleSessionRun.Date))));
        Assert.True(executions > 0);
        Assert.Equal(executions, saved.TotalExecutions);
        Assert.Equal(top, saved.MostExecutedTicker);
        Assert.Equal(SampleSessionRun.Date.AddDays(-6), saved.From);
        Assert.Contains($"total executions: {executions}   (previous week to {lastWeek.To:yyyy-MM-dd}: 3)", output, StringComparison.Ordinal);
        Assert.Contains("most executed ticker: " + top, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_on_a_recommendation_left_stuck_in_processing()
    {
        var dispatcher = session.Db("dispatcher");
        var id = await dispatcher.Scalar("SELECT id FROM dispatch_recommendations WHERE status = 'SKIPPED' ORDER BY ts LIMIT 1", 0L);
        var processed = (DateTime)(await dispatcher.Rows("SELECT processed_at FROM dispatch_recommendations WHERE id = $1", id))[0][0]!;
        await Seeded($"UPDATE dispatch_recommendations SET status = 'PROCESSING', processed_at = NULL WHERE id = {id}",
            $"UPDATE dispatch_recommendations SET status = 'SKIPPED', processed_at = '{new DateTimeOffset(processed, TimeSpan.Zero):O}' WHERE id = {id}",
            [$"{Day} processing health: PROCESSING (should never persist)", $"{Day} stuck PROCESSING rows (reaper clears them)", "2. Is the reaper working? (no stuck PROCESSING rows)"],
            "1");
    }

    [Fact]
    public async Task Should_fail_on_a_position_size_above_the_plan()
    {
        // The ledger is append-only (a trigger); the seeded row is removed with that trigger disabled for a moment.
        var execution = Guid.NewGuid();
        await Seeded($"""
            INSERT INTO dispatch_executions (execution_id, recommendation_id, ticker, action, instrument_type, side, decision_ts, simulated_ts, signal_ts,
                trading_date, entry_price, fill_model, slippage_bps, qty, notional, stop_loss_price, take_profit_price, max_hold_minutes, execution_mode,
                explain_json, risk_json, sim_json, confidence, config_sha, dispatcher_run_id)
            SELECT '{execution}', -1, ticker, action, instrument_type, side, decision_ts, simulated_ts, signal_ts,
                trading_date, entry_price, fill_model, slippage_bps, qty * 100, 60000, stop_loss_price, take_profit_price, max_hold_minutes, execution_mode,
                explain_json, risk_json, sim_json, confidence, config_sha, dispatcher_run_id FROM dispatch_executions ORDER BY simulated_ts LIMIT 1
            """, $"""
            ALTER TABLE dispatch_executions DISABLE TRIGGER tr_dispatch_executions_immutable;
            DELETE FROM dispatch_executions WHERE execution_id = '{execution}';
            ALTER TABLE dispatch_executions ENABLE TRIGGER tr_dispatch_executions_immutable;
            """, ["4. Are position sizes sane? ($500-$25K per trade)"], "1 outside; notional min");
    }

    async Task<(ShakedownCheck.Result Result, string Output)> Shakedown(string reports)
    {
        using var output = new StringWriter();
        var result = await ShakedownCheck.Run(session.Db("dispatcher"), SampleSessionRun.Date, 7, reports, output);
        log.WriteLine(output.ToString());
        return (result, output.ToString());
    }

    /// <summary>Seeds the defect, checks that exactly the named required checks fail (the first showing <paramref name="observed"/>), then removes it.</summary>
    async Task Seeded(string seed, string remove, string[] failing, string observed)
    {
        var dispatcher = session.Db("dispatcher");
        await dispatcher.Rows(seed);
        try
        {
            var (result, _) = await Shakedown(Path.Combine(session.Reports, Guid.NewGuid().ToString("N")));
            Assert.Equal(failing.Order(StringComparer.Ordinal), result.Lines.Where(l => l.Fails).Select(l => l.Name).Order(StringComparer.Ordinal));
            Assert.StartsWith(observed, result.Lines.Single(l => l.Name == failing[0]).Observed, StringComparison.Ordinal);
            Assert.False(result.Passed);
        }
        finally
        {
            await dispatcher.Rows(remove);
        }
    }
}
