using Microsoft.Extensions.Configuration;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

public sealed class When_KILL_SWITCH_is_set_while_the_gateway_runs
{
    [Fact]
    public async Task Should_halt_flatten_and_refuse_entries_resume_and_LIVE_until_it_is_released()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tw-kill-{Guid.NewGuid():N}");
        await using var rig = await ModeSwitchRig.Start(settings: new Dictionary<string, string?>
        {
            ["KillSwitch:File"] = file, ["KillSwitch:PollInterval"] = "00:00:00.200",
        });
        try
        {
            await rig.OpenPaperPosition("AAPL");
            Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE qty = 10"));

            await File.WriteAllTextAsync(file, "1\n"); // the operator's "KILL_SWITCH=1" for a running process

            await rig.Gateway.WaitForCount("HALTED and flat", """
                SELECT count(*) FROM trading_state WHERE state = 'HALTED'
                  AND NOT EXISTS (SELECT 1 FROM positions WHERE qty <> 0) AND NOT EXISTS (SELECT 1 FROM orders WHERE status = 'WORKING')
                """, 1, TimeSpan.FromSeconds(30));
            Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'KILL_SWITCH' AND actor = $1", "file:" + file));

            // A new entry is refused; so are /resume and LIVE while it is set.
            var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
            var m2 = session.OpenUtc.AddMinutes(2);
            var late = Order("MSFT", m2);
            await rig.Gateway.Place(late);
            await Eventually.Until(() => rig.Gateway.Count("SELECT count(*) FROM brackets"), n => n == 2, what: "late bracket");
            await rig.Gateway.Minute(session, m2, Flat(["AAPL", "MSFT"], m2, 100m), ordersSent: 1);
            await rig.Gateway.WaitForMinute(session.Date, m2.AddMinutes(1));
            Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM brackets WHERE execution_id = $1 AND state = 'REJECTED'", late.ExecutionId));
            Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM orders WHERE ticker = 'MSFT'"));
            var resume = await rig.Post("/resume", new { actor = "ops:test", reason = "too early" });
            Assert.Equal(409, (int)resume.StatusCode);
            Assert.Contains("KILL_SWITCH_ENGAGED", await resume.Content.ReadAsStringAsync());
            var (live, body) = await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase });
            Assert.Equal((409, "KILL_SWITCH_ENGAGED"), (live, body.GetProperty("error").GetString()));
            Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE state = 'HALTED'"));

            // Released, the operator resumes.
            File.Delete(file);
            (await rig.Post("/resume", new { actor = "ops:test", reason = "released" })).EnsureSuccessStatusCode();
            Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE state = 'ACTIVE'"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Should_refuse_entries_in_the_very_next_minute_when_the_configuration_says_so()
    {
        // The watcher looks only once an hour here: the minute step itself must see the switch.
        await using var gw = await GatewayHost.Start(new Dictionary<string, string?> { ["KillSwitch:PollInterval"] = "01:00:00" });
        var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
        var m0 = session.OpenUtc;
        await gw.InScope(sp => Task.FromResult(sp.GetRequiredService<IConfiguration>()["KILL_SWITCH"] = "1"));
        var order = Order("AAPL", m0);
        await gw.Place(order);
        await Eventually.Until(() => gw.Count("SELECT count(*) FROM brackets"), n => n == 1, what: "bracket stored");
        await gw.Minute(session, m0, Flat(["AAPL"], m0, 100m), ordersSent: 1);
        await gw.WaitForMinute(session.Date, m0.AddMinutes(1));

        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'REJECTED'"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM orders"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trading_state_history WHERE state = 'HALTED' AND actor = 'env:KILL_SWITCH'"));
    }
}
