using Tradewire.Cli.Smoke;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>
/// <c>smoke</c> on the running services after a replay: healthy it passes every criterion and leaves the system as
/// it found it; each seeded defect fails its own criterion with the observed value.
/// </summary>
[Collection(RunningSessionCollection.Name)]
public sealed class When_the_smoke_test_runs(RunningSession session, ITestOutputHelper log)
{
    [Fact]
    public async Task Should_pass_every_criterion_on_a_healthy_running_system_and_leave_it_as_found()
    {
        Assert.True(session.Finished, "the replay did not finish");
        var broker = session.Db("broker-gateway");
        var state = await broker.Scalar("SELECT state || ' ' || mode FROM trading_state WHERE id = 1", "");
        var events = await broker.Scalar("SELECT count(*) FROM risk_events WHERE reason_code = 'KILL_SWITCH'", 0L);
        var checks = await Smoke();
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Observed} (expected {c.Expected})"));
        Assert.Equal(7, checks.Count(c => c.Name.EndsWith(": endpoints answer", StringComparison.Ordinal)));
        Assert.Contains("trader_risk_events_total", checks.Single(c => c.Name == "metrics incrementing").Observed, StringComparison.Ordinal);
        // The press happened (recorded like the operator's) and the state and mode are the ones found.
        Assert.Equal(events + 1, await broker.Scalar("SELECT count(*) FROM risk_events WHERE reason_code = 'KILL_SWITCH'", 0L));
        Assert.Equal(state, await broker.Scalar("SELECT state || ' ' || mode FROM trading_state WHERE id = 1", ""));
        Assert.Single(Directory.GetFiles(session.Reports, "smoke-*.json"), f => File.ReadAllText(f).Contains("\"verdict\": \"PASS\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_fail_on_a_duplicate_client_order_id()
    {
        var id = await session.Db("broker-gateway").Scalar<string>("SELECT client_order_id FROM orders WHERE status = 'CANCELLED' AND filled_qty = 0 LIMIT 1", "");
        Assert.NotEqual("", id);
        var (seed, remove) = SeededOrders.Duplicate(id);
        await Seeded(seed, remove, ["no duplicate client_order_id"], "1, first: " + id.ToLowerInvariant());
    }

    [Fact]
    public async Task Should_fail_on_an_order_id_not_derived_from_its_plan()
    {
        // An id that re-running the same plan would not produce again (say, a random one).
        var id = await session.Db("broker-gateway").Scalar<string>("SELECT client_order_id FROM orders WHERE status = 'CANCELLED' AND filled_qty = 0 LIMIT 1", "");
        Assert.NotEqual("", id);
        await Seeded($"UPDATE orders SET client_order_id = 'tw-random-0001' WHERE client_order_id = '{id}'",
            $"UPDATE orders SET client_order_id = '{id}' WHERE client_order_id = 'tw-random-0001'", ["same plan generates same ids"], "1 of ");
    }

    [Fact]
    public async Task Should_fail_on_an_execution_id_not_derived_from_its_signal_key()
    {
        // The execution now stands for another plan than the one that named it.
        var dispatcher = session.Db("dispatcher");
        var key = await dispatcher.Scalar<string>("""
            SELECT r.signal_key FROM dispatch_executions e JOIN dispatch_recommendations r ON r.id = e.recommendation_id ORDER BY r.signal_key LIMIT 1
            """, "");
        Assert.NotEqual("", key);
        var checks = await SeededChecks($"UPDATE dispatch_recommendations SET signal_key = '{key}#seeded' WHERE signal_key = '{key}'",
            $"UPDATE dispatch_recommendations SET signal_key = '{key}' WHERE signal_key = '{key}#seeded'", ["same plan generates same execution ids"], "dispatcher");
        Assert.Matches("^1 of [0-9]+ executions, first: .*#seeded", checks.Single(c => !c.Passed).Observed);
    }

    [Fact]
    public async Task Should_refuse_the_kill_switch_when_the_gateway_is_not_in_paper_mode()
    {
        // Without a press nothing is recorded, so no counter moves either: those three criteria, and only they, fail.
        var broker = session.Db("broker-gateway");
        var events = await broker.Scalar("SELECT count(*) FROM risk_events", 0L);
        var checks = await SeededChecks("UPDATE trading_state SET mode = 'LIVE' WHERE id = 1", "UPDATE trading_state SET mode = 'PAPER' WHERE id = 1",
            ["kill switch on the smoke test's own paper bracket (rehearsed, rolled back)", "kill switch press on the PAPER book (POST /flatten)", "metrics incrementing"]);
        Assert.All(checks.Where(c => c.Name.StartsWith("kill switch", StringComparison.Ordinal)),
            c => Assert.StartsWith("refused: the broker-gateway is in LIVE mode", c.Observed, StringComparison.Ordinal));
        Assert.Equal(events, await broker.Scalar("SELECT count(*) FROM risk_events", 0L));
    }

    async Task<IReadOnlyList<SessionCheck>> Smoke()
    {
        using var output = new StringWriter();
        var checks = await SmokeCheck.Run(session.Target, session.Reports, output);
        log.WriteLine(output.ToString());
        return checks;
    }

    async Task Seeded(string seed, string remove, string[] failing, string observed)
    {
        var checks = await SeededChecks(seed, remove, failing);
        Assert.StartsWith(observed, checks.Single(c => c.Name == failing[0]).Observed, StringComparison.Ordinal);
    }

    /// <summary>Seeds the defect, runs the smoke test, checks that exactly the named criteria fail, then removes it.</summary>
    async Task<IReadOnlyList<SessionCheck>> SeededChecks(string seed, string remove, string[] failing, string database = "broker-gateway")
    {
        var db = session.Db(database);
        await db.Rows(seed);
        try
        {
            var checks = await Smoke();
            Assert.Equal(failing.Order(StringComparer.Ordinal), checks.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal));
            return checks;
        }
        finally
        {
            await db.Rows(remove);
        }
    }
}
