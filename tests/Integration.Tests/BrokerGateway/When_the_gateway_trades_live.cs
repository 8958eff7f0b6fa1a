using Tradewire.BrokerGateway.Domain;
using Tradewire.FakeVenue;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>
/// The LIVE path end to end: the broker-gateway's minute step with its real database and queues, and the Alpaca
/// adapter over HTTP to a local venue speaking Alpaca's Trading API v2 (<see cref="LiveRig"/>).
/// </summary>
public sealed class When_the_gateway_trades_live
{
    [Fact]
    public async Task Should_place_the_entry_then_one_oco_pair_and_close_on_the_target()
    {
        await using var rig = await LiveRig.Start();
        var m0 = rig.Open;
        var order = await rig.EnterAtOpen("AAPL");                                                // fills at 100; OCO placed
        var entryId = ClientOrderIds.For(order.ExecutionId, LegRole.Entry);
        var targetId = ClientOrderIds.For(order.ExecutionId, LegRole.Target);
        await rig.Minute(m0.AddMinutes(2), [Bar("AAPL", m0.AddMinutes(2), 105m, 111m, 104m, 110m)]); // the target fills

        var venue = rig.Venue.Orders;
        Assert.Equal("filled", Assert.Single(venue, o => o.ClientOrderId == entryId).Status);
        var parent = Assert.Single(venue, o => o.ClientOrderId == targetId);
        Assert.Equal(("oco", "filled", 110m), (parent.OrderClass, parent.Status, parent.FilledAvgPrice!.Value));
        Assert.Equal("canceled", Assert.Single(venue, o => o.ParentId == parent.Id && o.Type == "stop").Status);
        Assert.Equal(3, venue.Count);

        var gw = rig.Gateway;
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'TARGET'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND status = 'FILLED' AND avg_fill_price = 100"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE leg_role = 'TARGET' AND status = 'FILLED' AND avg_fill_price = 110"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE leg_role = 'STOP' AND status = 'CANCELLED'"));
        Assert.Equal(2, await gw.Count("SELECT count(*) FROM trades WHERE execution_mode = 'LIVE'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 0 AND realized_pnl = 100"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'BROKER_FAULT'"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_refuse_a_paper_command_rather_than_send_it_to_the_venue()
    {
        await using var rig = await LiveRig.Start();
        var m0 = rig.Open;
        await rig.Gateway.Place(Order("AAPL", m0));   // PAPER
        await rig.Minute(m0, Flat(["AAPL"], m0, 100m), ordersSent: 1);

        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'EXECUTION_MODE_MISMATCH'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM brackets WHERE state = 'REJECTED'"));
        Assert.Empty(rig.Venue.Orders);
        Assert.DoesNotContain(rig.Venue.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Should_retry_a_submit_answered_with_500_and_place_the_order_once()
    {
        await using var rig = await LiveRig.Start();
        rig.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.Error500));
        var order = await rig.EnterAtOpen("AAPL");
        var entryId = ClientOrderIds.For(order.ExecutionId, LegRole.Entry);

        Assert.Equal([500, 200], rig.Venue.Requests.Where(r => r.ClientOrderId == entryId).Select(r => r.Status));
        Assert.Equal(1, rig.VenueOrders(entryId));
        var gw = rig.Gateway;
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'PROTECTED'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'BROKER_FAULT' AND detail_json::text LIKE '%HTTP 500 on submit%'"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_find_an_order_the_venue_accepted_but_never_answered_and_not_place_it_twice()
    {
        await using var rig = await LiveRig.Start();
        // The venue takes the order, then holds its answer past the adapter's 1 s limit.
        rig.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.AcceptThenHang, HangMs: 3000));
        var order = await rig.EnterAtOpen("AAPL");
        var entryId = ClientOrderIds.For(order.ExecutionId, LegRole.Entry);

        // The retry carried the same client order id, which the venue refused as a duplicate: one order.
        Assert.Equal(1, rig.VenueOrders(entryId));
        Assert.Contains(rig.Venue.Requests, r => r.ClientOrderId == entryId && r.Status == 422);
        var gw = rig.Gateway;
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'PROTECTED'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND status = 'FILLED'"));
        Assert.Equal(1, await gw.Count("""
            SELECT count(*) FROM risk_events WHERE reason_code = 'BROKER_FAULT'
              AND detail_json::text LIKE '%no answer within 1000 ms on submit%' AND detail_json::text LIKE '%already there%'
            """));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_flatten_on_the_kill_switch_by_cancelling_the_pair_and_exiting_at_the_venue()
    {
        await using var rig = await LiveRig.Start();
        var m0 = rig.Open;
        var order = await rig.EnterAtOpen("AAPL");

        // From the press: the account is flat at the venue (no position, no open order) within the runbook's 2 s.
        var press = rig.Gateway.Http.SendAsync(Control("/flatten"));
        await rig.VenueFlatWithin(LiveRig.FlatDeadline, "the account flat at the venue after the kill switch");
        (await press).EnsureSuccessStatusCode();
        // The OCO pair was cancelled, and the exit filled in the session at the last trade.
        Assert.All(rig.Venue.Orders.Where(o => o.OrderClass == "oco"), o => Assert.Equal("canceled", o.Status));
        var exitId = ClientOrderIds.For(order.ExecutionId, LegRole.Exit);
        var exit = Assert.Single(rig.Venue.Orders, o => o.ClientOrderId == exitId);
        Assert.Equal(("filled", 100m), (exit.Status, exit.FilledAvgPrice!.Value));

        await rig.Minute(m0.AddMinutes(2), Flat(["AAPL"], m0.AddMinutes(2), 99m));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM orders WHERE leg_role = 'EXIT' AND status = 'FILLED' AND avg_fill_price = 100"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 0"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'KILL_SWITCH'"));
        Assert.Empty(await rig.Gateway.Reconcile());
    }

    [Fact]
    public async Task Should_tighten_the_stop_by_replacing_it_at_the_venue_and_be_flat_at_the_end_of_day()
    {
        await using var rig = await LiveRig.Start();
        var close = rig.Session.CloseUtc;
        var placeAt = close.AddMinutes(-14);
        var order = LiveRig.Order("AAPL", placeAt);
        await rig.Gateway.Place(order);
        // The whole session in lock-step (the gateway's cursor starts at the open); the price rises after the entry.
        var flatAt = close.AddMinutes(-5);
        for (var minute = rig.Open; minute < close.AddMinutes(-3); minute = minute.AddMinutes(1))
        {
            await rig.Minute(minute, Flat(["AAPL"], minute, minute <= placeAt.AddMinutes(1) ? 100m : 102m), minute == placeAt ? 1 : 0);
            // The step of the minute ending at the hard-flat time flattens: the venue is flat within the 2 s deadline.
            if (minute.AddMinutes(1) == flatAt)
                await rig.VenueFlatWithin(LiveRig.FlatDeadline, "the account flat at the venue at the hard-flat time");
        }

        // Close-10: the stop moved to break-even (100) by a replace at the venue, which the adapter followed to cancel it at close-5.
        var stops = rig.Venue.Orders.Where(o => o.Type == "stop").OrderBy(o => o.CreatedAt).ToList();
        Assert.Equal(2, stops.Count);
        Assert.Equal(("replaced", 95m), (stops[0].Status, stops[0].StopPrice!.Value));
        Assert.Equal(("canceled", 100m, stops[0].Id), (stops[1].Status, stops[1].StopPrice!.Value, stops[1].Replaces!));
        var exitId = ClientOrderIds.For(order.ExecutionId, LegRole.Exit);
        Assert.Equal("filled", Assert.Single(rig.Venue.Orders, o => o.ClientOrderId == exitId).Status);

        var gw = rig.Gateway;
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'EOD_STOP_TIGHTENED' AND at = $1", close.AddMinutes(-10)));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE leg_role = 'STOP' AND status = 'CANCELLED' AND stop_price = 100"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'EOD'"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM positions WHERE qty <> 0"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_commit_the_kill_switchs_halt_while_a_minute_step_waits_on_the_venue()
    {
        await using var rig = await LiveRig.Start();
        var m0 = rig.Open;
        var order = LiveRig.Order("AAPL", m0);
        await rig.Gateway.Place(order);
        // The venue takes the entry but holds its answers past the adapter's 1 s limit, twice: the step waits on it for seconds.
        rig.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.AcceptThenHang, Times: 2, HangMs: 3000));
        var bars = Flat(["AAPL"], m0, 100m);
        rig.Venue.ApplyBars(bars.Select(b => new FakeBar(b.Symbol, b.Minute, b.Open, b.High, b.Low, b.Close, b.Volume)).ToList());
        await rig.Gateway.Minute(rig.Session, m0, bars, ordersSent: 1);
        await Eventually.Until(() => rig.Gateway.Count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'"),
            n => n > 0, what: "the minute step in its transaction, waiting on the venue");

        var flatten = rig.Gateway.Http.SendAsync(Control("/flatten"));
        // HALTED is committed while the step still holds its transaction open: the bracket it is entering is not committed yet.
        await Eventually.Until(() => rig.Gateway.Count("SELECT count(*) FROM trading_state_history WHERE state = 'HALTED'"), n => n == 1, what: "HALTED committed");
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM brackets WHERE execution_id = $1 AND state = 'REQUESTED'", order.ExecutionId));

        (await flatten).EnsureSuccessStatusCode();
        await rig.Gateway.WaitForMinute(rig.Session.Date, m0.AddMinutes(1));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE state = 'HALTED'"));
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE qty <> 0"));
        Assert.Equal(1, rig.VenueOrders(ClientOrderIds.For(order.ExecutionId, LegRole.Entry)));
    }

    static HttpRequestMessage Control(string path) => new(HttpMethod.Post, path)
    {
        Content = System.Net.Http.Json.JsonContent.Create(new { actor = "test", reason = "drill" }),
        Headers = { Authorization = new("Bearer", GatewayHost.Token) },
    };
}
