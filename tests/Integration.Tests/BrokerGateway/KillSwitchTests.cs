using System.Diagnostics;
using System.Net;
using Tradewire.BrokerGateway.Http;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

public sealed class When_the_operator_flattens_twenty_open_brackets(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_leave_zero_open_orders_and_zero_positions_well_under_two_seconds()
    {
        await using var gw = await GatewayHost.Start();
        var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
        var m0 = session.OpenUtc;
        var tickers = Enumerable.Range(1, 20).Select(i => $"T{i:00}").ToList();
        foreach (var t in tickers)
            await gw.Place(Order(t, m0));
        await Eventually.Until(() => gw.Count("SELECT count(*) FROM brackets"), n => n == 20, what: "20 brackets");
        await gw.Minute(session, m0, Flat(tickers, m0, 100m), ordersSent: 20);
        await gw.Minute(session, m0.AddMinutes(1), Flat(tickers, m0.AddMinutes(1), 100m));
        await gw.WaitForMinute(session.Date, m0.AddMinutes(2));
        Assert.Equal(20, await gw.Count("SELECT count(*) FROM positions WHERE qty = 10"));
        Assert.Equal(40, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));

        // Refused calls change nothing: no token -> 401, malformed body -> 400.
        var anonymous = await gw.Http.PostAsync("/flatten", JsonContent.Create(new { actor = "x", reason = "y" }));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        gw.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.Token);
        var malformed = await gw.Http.PostAsync("/flatten", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(40, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'KILL_SWITCH'"));

        var watch = Stopwatch.StartNew();
        var response = await gw.Http.PostAsync("/flatten", JsonContent.Create(new { actor = "ops:test", reason = "drill" }));
        watch.Stop();
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var serverMs = body.GetProperty("elapsedMs").GetDouble();
        var decidedMs = await LocalInfra.Scalar<double>(gw.ConnectionString, "SELECT (detail_json->>'elapsedMs')::float8 FROM risk_events WHERE reason_code = 'KILL_SWITCH'");
        output.WriteLine($"flatten of 20 brackets: decided in {decidedMs:F1} ms, committed in {serverMs:F1} ms in the service, {watch.Elapsed.TotalMilliseconds:F1} ms round trip");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"flatten took {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM positions WHERE qty <> 0"));
        Assert.Equal(20, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'KILL_SWITCH'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'KILL_SWITCH' AND actor = 'ops:test' AND detail_json ? 'elapsedMs'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trading_state WHERE state = 'HALTED'"));
        Assert.Empty(await gw.Reconcile());
        Assert.Equal("[]", await gw.Http.GetStringAsync("/positions"));
        var risk = JsonDocument.Parse(await gw.Http.GetStringAsync("/risk")).RootElement;
        Assert.Equal("HALTED", risk.GetProperty("state").GetProperty("state").GetString());

        // Halted: a new bracket is refused, and /resume (audited) re-opens entries.
        var late = Order("T01", m0.AddMinutes(2));
        await gw.Place(late);
        await Eventually.Until(() => gw.Count("SELECT count(*) FROM brackets"), n => n == 21, what: "late bracket");
        await gw.Minute(session, m0.AddMinutes(2), Flat(tickers, m0.AddMinutes(2), 100m), ordersSent: 1);
        await gw.WaitForMinute(session.Date, m0.AddMinutes(3));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE execution_id = $1 AND state = 'REJECTED'", late.ExecutionId));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'TRADING_HALTED'"));

        var pause = await gw.Http.PostAsync("/pause", JsonContent.Create(new { actor = "ops:test", reason = "hold entries" }));
        pause.EnsureSuccessStatusCode();
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trading_state WHERE state = 'PAUSED'"));
        var resume = await gw.Http.PostAsync("/resume", JsonContent.Create(new { actor = "ops:test", reason = "drill over" }));
        resume.EnsureSuccessStatusCode();
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trading_state WHERE state = 'ACTIVE'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'TRADING_STATE_ACTIVE' AND actor = 'ops:test'"));
        var metrics = await gw.Http.GetStringAsync("/metrics");
        Assert.Contains("trader_working_orders 0", metrics);
        Assert.Contains("trader_open_positions 0", metrics);
    }
}

public sealed class When_the_gateway_starts_with_KILL_SWITCH_set
{
    [Fact]
    public async Task Should_halt_and_flatten_before_consuming_anything()
    {
        var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
        var m0 = session.OpenUtc;
        string database;
        await using (var first = await GatewayHost.Start())
        {
            database = first.ConnectionString;
            await first.Place(Order("AAPL", m0));
            await Eventually.Until(() => first.Count("SELECT count(*) FROM brackets"), n => n == 1, what: "bracket stored");
            await first.Minute(session, m0, Flat(["AAPL"], m0, 100m), ordersSent: 1);
            await first.Minute(session, m0.AddMinutes(1), Flat(["AAPL"], m0.AddMinutes(1), 100m));
            await first.WaitForMinute(session.Date, m0.AddMinutes(2));
            Assert.Equal(1, await first.Count("SELECT count(*) FROM positions WHERE qty = 10"));
        }

        await using var restarted = await GatewayHost.Start(new Dictionary<string, string?> { ["KILL_SWITCH"] = "1" }, database);

        Assert.Equal(1, await restarted.Count("SELECT count(*) FROM trading_state WHERE state = 'HALTED'"));
        Assert.Equal(0, await restarted.Count("SELECT count(*) FROM positions WHERE qty <> 0"));
        Assert.Equal(0, await restarted.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(1, await restarted.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'KILL_SWITCH' AND actor = 'env:KILL_SWITCH'"));
        Assert.Empty(await restarted.Reconcile());
    }
}

public sealed class When_the_kill_switch_is_rehearsed_at_start_up
{
    [Fact]
    public async Task Should_run_the_flatten_on_the_open_book_and_a_synthetic_bracket_and_leave_no_trace()
    {
        await using var gw = await GatewayHost.Start();
        var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
        var m0 = session.OpenUtc;
        var tickers = new[] { "AAPL", "MSFT", "NVDA" };
        foreach (var t in tickers)
            await gw.Place(Order(t, m0));
        await gw.Minute(session, m0, Flat(tickers, m0, 100m), ordersSent: 3);
        await gw.Minute(session, m0.AddMinutes(1), Flat(tickers, m0.AddMinutes(1), 100m));
        await gw.WaitForMinute(session.Date, m0.AddMinutes(2));
        const string Ledger = """
            SELECT (SELECT count(*) FROM orders) * 1000000 + (SELECT count(*) FROM trades) * 10000
                 + (SELECT count(*) FROM risk_events) * 100 + (SELECT count(*) FROM trading_state_history)
            """;
        var before = await gw.Count(Ledger);

        var rehearsal = await gw.InScope(sp => sp.GetRequiredService<KillSwitch>().Rehearse());

        // It flattened the real book (3 positions, 6 working legs) in its transaction...
        Assert.Equal((3, 6), (rehearsal.PositionsClosed, rehearsal.OrdersCancelled));
        Assert.True(rehearsal.Flat);
        // ...and rolled everything back: the same ledger, still ACTIVE, and no trace of the synthetic bracket.
        Assert.Equal(before, await gw.Count(Ledger));
        Assert.Equal(3, await gw.Count("SELECT count(*) FROM positions WHERE qty = 10"));
        Assert.Equal(6, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trading_state WHERE state = 'ACTIVE'"));
        Assert.Equal(0, await gw.Count("""
            SELECT (SELECT count(*) FROM brackets WHERE ticker = 'ZZREHEARSAL') + (SELECT count(*) FROM orders WHERE ticker = 'ZZREHEARSAL')
                 + (SELECT count(*) FROM positions WHERE ticker = 'ZZREHEARSAL') + (SELECT count(*) FROM bracket_sagas WHERE ticker = 'ZZREHEARSAL')
            """));
        Assert.Empty(await gw.Reconcile());
    }
}
