using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Mode;
using Tradewire.Cli.Rollback;
using Tradewire.Integration.Tests.Dispatcher;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

public sealed class When_the_operator_rolls_back_from_LIVE(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_pause_flatten_at_the_venue_switch_to_PAPER_with_the_dispatcher_and_do_nothing_more_the_second_time()
    {
        await using var rig = await LiveRig.Start();
        await using var dispatcher = await DispatcherHost.Start(TestService.NewName("disrb"), null, rig.Gateway.PlaceQueue);
        // The gateway announced LIVE before this dispatcher existed: announce again, as a restart would.
        await rig.Gateway.InScope(sp => sp.GetRequiredService<ModeSwitch>().Announce("test"));
        await Eventually.Until(() => dispatcher.Count("SELECT count(*) FROM dispatcher_trading_mode WHERE mode = 'LIVE'"), n => n == 1,
            TimeSpan.FromSeconds(30), "the dispatcher stamps LIVE");
        var order = await rig.EnterAtOpen("AAPL");
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE qty = 10"));

        using var gateway = new HttpClient { BaseAddress = rig.Gateway.Http.BaseAddress };
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.Token);
        using var dispatcherHttp = dispatcher.Http();
        var first = new StringWriter();
        var rollback = new Rollback(gateway, dispatcherHttp, TimeSpan.FromSeconds(30), first).Run();

        // The venue fills the market exit at its next bar, and the gateway records it at its next minute.
        var exit = ClientOrderIds.For(order.ExecutionId, LegRole.Exit);
        await Eventually.Until(() => Task.FromResult(rig.VenueOrders(exit)), n => n == 1, TimeSpan.FromSeconds(30), "the exit at the venue");
        await rig.Minute(rig.Open.AddMinutes(2), Flat(["AAPL"], rig.Open.AddMinutes(2), 101m));

        Assert.Equal(0, await rollback);
        output.WriteLine(first.ToString());
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE qty <> 0"));
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE mode = 'PAPER' AND mode_version = 2 AND state = 'HALTED'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state_history WHERE state = 'PAUSED'"));
        Assert.Equal(1, await dispatcher.Count("SELECT count(*) FROM dispatcher_trading_mode WHERE mode = 'PAPER' AND version = 2"));

        // Again: every step is confirmed as done, nothing is switched twice.
        var second = new StringWriter();
        Assert.Equal(0, await new Rollback(gateway, dispatcherHttp, TimeSpan.FromSeconds(5), second).Run());
        output.WriteLine(second.ToString());
        Assert.Contains("already HALTED", second.ToString());
        Assert.Contains("changed now: False", second.ToString());
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE mode = 'PAPER' AND mode_version = 2"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state_history WHERE state = 'PAUSED'"));
    }

    [Fact]
    public async Task Should_stop_at_the_flatten_with_its_step_when_the_venue_never_fills_the_exit()
    {
        await using var rig = await LiveRig.Start();
        await rig.EnterAtOpen("AAPL");
        // The market closes: the venue keeps a market exit for the next session's open, so it never fills here.
        rig.Venue.SetClock(rig.Session.CloseUtc);
        using var gateway = new HttpClient { BaseAddress = rig.Gateway.Http.BaseAddress };
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.Token);
        var text = new StringWriter();

        var code = await new Rollback(gateway, null, TimeSpan.FromSeconds(2), text).Run();

        output.WriteLine(text.ToString());
        Assert.Equal(12, code);
        Assert.Contains("step 2 (flatten) FAILED", text.ToString());
        // Step 3 never ran: still LIVE.
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE mode = 'LIVE'"));
    }
}
