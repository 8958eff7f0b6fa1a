using System.Diagnostics;
using Tradewire.BrokerGateway.Domain;
using Tradewire.FakeVenue;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>
/// Alpaca's trade_updates stream against the LIVE gateway (<see cref="LiveRig"/>): the venue fills an order on a
/// bar the gateway is never given, so only the stream (or its catch-up after a reconnect) can bring the fill to the
/// ledger before the next minute's step.
/// </summary>
public sealed class When_the_venue_streams_trade_updates(ITestOutputHelper output)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    const string TargetFilled = "SELECT count(*) FROM orders WHERE leg_role = 'TARGET' AND status = 'FILLED' AND avg_fill_price = 110";

    /// <summary>The venue trades the bar; the gateway is not sent it.</summary>
    static void VenueOnly(LiveRig rig, DateTimeOffset minute, decimal open, decimal high, decimal low, decimal close) =>
        rig.Venue.ApplyBars([new FakeBar("AAPL", minute, open, high, low, close, 10_000)]);

    static Task Listening(LiveRig rig, int connections = 1) =>
        Eventually.Until(() => Task.FromResult(rig.Venue.TradeStreamAuthorizations), n => n >= connections, Patience, "the gateway listening to trade_updates");

    [Fact]
    public async Task Should_book_a_fill_before_the_next_minutes_bar_reaches_the_gateway()
    {
        await using var rig = await LiveRig.Start();
        var m2 = rig.Open.AddMinutes(2);
        await rig.EnterAtOpen("AAPL");
        await Listening(rig);

        var watch = Stopwatch.StartNew();
        VenueOnly(rig, m2, 105m, 111m, 104m, 110m); // the target fills at the venue
        await rig.Gateway.WaitForCount("the target's fill booked without a minute step", TargetFilled, 1, Patience);
        output.WriteLine($"venue fill -> ledger: {watch.ElapsedMilliseconds} ms");

        var gw = rig.Gateway;
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'TARGET'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 0 AND realized_pnl = 100"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM minute_cursor WHERE next_minute > $1", m2)); // no step saw that minute

        // The minute's own step then reads the venue and finds nothing more.
        await rig.Minute(m2, [Bar("AAPL", m2, 105m, 111m, 104m, 110m)]);
        Assert.Equal(2, await gw.Count("SELECT count(*) FROM trades"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_lose_no_fill_and_double_none_when_the_stream_drops()
    {
        await using var rig = await LiveRig.Start();
        var m2 = rig.Open.AddMinutes(2);
        var order = await rig.EnterAtOpen("AAPL");
        await Listening(rig);

        rig.Venue.TradeStreamDown();
        VenueOnly(rig, m2, 105m, 111m, 104m, 110m); // its events go to nobody
        Assert.Equal(0, await rig.Gateway.Count(TargetFilled));
        rig.Venue.TradeStreamUp();

        // The reconnect's catch-up read finds the fill the stream lost.
        await rig.Gateway.WaitForCount("the lost fill booked after the reconnect", TargetFilled, 1, Patience);
        Assert.True(rig.Venue.TradeStreamAuthorizations >= 2);

        await rig.Minute(m2, [Bar("AAPL", m2, 105m, 111m, 104m, 110m)]);
        await rig.Minute(m2.AddMinutes(1), Flat(["AAPL"], m2.AddMinutes(1), 110m));
        var gw = rig.Gateway;
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trades WHERE client_order_id = $1 AND qty = 10 AND price = 110",
            ClientOrderIds.For(order.ExecutionId, LegRole.Target)));
        Assert.Equal(2, await gw.Count("SELECT count(*) FROM trades"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 0 AND realized_pnl = 100"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code IN ('UNKNOWN_FILL', 'ILLEGAL_TRANSITION')"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_change_nothing_on_duplicated_and_out_of_order_events()
    {
        await using var rig = await LiveRig.Start();
        var m0 = rig.Open;
        var order = await rig.SendEntryAtOpen("AAPL"); // the venue fills it at the last trade
        await Listening(rig);
        var gw = rig.Gateway;
        await gw.WaitForCount("the entry's fill booked and its OCO pair placed", "SELECT count(*) FROM brackets WHERE state = 'PROTECTED'", 1, Patience);

        // Every event again, newest first (the OCO pair's "new", the entry's "fill", then its "new").
        var reads = ListCalls(rig);
        rig.Venue.RepeatTradeUpdates();
        await Eventually.Until(() => Task.FromResult(ListCalls(rig)), n => n > reads, Patience, "the gateway reading the venue on the repeated fill");

        await rig.Minute(m0.AddMinutes(1), Flat(["AAPL"], m0.AddMinutes(1), 100m));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trades"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND status = 'FILLED' AND filled_qty = 10"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 10"));
        Assert.Equal(1, rig.VenueOrders(ClientOrderIds.For(order.ExecutionId, LegRole.Target)));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code IN ('UNKNOWN_FILL', 'ILLEGAL_TRANSITION')"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_book_a_partial_fill_once_and_then_the_rest()
    {
        // The venue fills half the entry, then the rest a pending delay later: 1 s, so the stream brings each part.
        // Cancels complete a pending delay after they are asked, so the gateway waits for them up to 3 s.
        await using var rig = await LiveRig.Start(WaitForCancels, o => o with { PendingDelay = TimeSpan.FromSeconds(1) });
        rig.Venue.PartialFills(1);
        var m0 = rig.Open;
        var order = await rig.SendEntryAtOpen("AAPL");
        var entryId = ClientOrderIds.For(order.ExecutionId, LegRole.Entry);
        await Listening(rig);
        var gw = rig.Gateway;
        await gw.WaitForCount("the first part booked between minutes", "SELECT count(*) FROM trades WHERE qty = 5", 1, Patience);
        await gw.WaitForCount("the rest booked", "SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND status = 'FILLED' AND filled_qty = 10", 1, Patience);
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM brackets WHERE state = 'PROTECTED' AND filled_qty = 10"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 10"));

        var reads = ListCalls(rig);
        rig.Venue.RepeatTradeUpdates(); // the fill, the partial fill and the rest once more, newest first
        await Eventually.Until(() => Task.FromResult(ListCalls(rig)), n => n > reads, Patience, "the gateway reading the venue on the repeated events");
        // The next minute's step runs after those reads (under the same lock), and reads the venue once more.
        await rig.Minute(m0.AddMinutes(1), Flat(["AAPL"], m0.AddMinutes(1), 100m));

        Assert.Equal(2, await gw.Count("SELECT count(*) FROM trades WHERE client_order_id = $1 AND qty = 5 AND price = 100", entryId));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE client_order_id = $1 AND status = 'FILLED' AND filled_qty = 10", entryId));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code IN ('UNKNOWN_FILL', 'ILLEGAL_TRANSITION')"));

        // Alpaca cannot resize an OCO leg in place: the pair sized 5 was cancelled and one sized 10 placed instead.
        var first = $"tw-{order.ExecutionId:N}-TARGET";
        Assert.All(Pair(rig, first), o => Assert.Equal(("canceled", 5m), (o.Status, o.Qty)));
        var working = rig.Venue.Orders.Where(o => o.IsOpen && o.Side == "sell").ToList();
        Assert.Equal(Pair(rig, first + "-r1").Select(o => o.Id).Order(), working.Select(o => o.Id).Order());
        Assert.All(working, o => Assert.Equal(10m, o.Qty));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM orders WHERE client_order_id = $1 AND status = 'WORKING' AND qty = 10 AND oco_group = $2",
            $"tw-{order.ExecutionId:N}-STOP-r1", $"oco-{order.ExecutionId:N}-r1"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'NAKED_POSITION'"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 10"));
        Assert.Empty(await gw.Reconcile());

        // The target of the new pair takes all ten shares.
        var m2 = m0.AddMinutes(2);
        await rig.Minute(m2, [Bar("AAPL", m2, 105m, 111m, 104m, 110m)]);
        await rig.VenueFlatWithin(Patience, "the account flat at the venue after the target");
        await gw.WaitForCount("the bracket closed on its target", "SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'TARGET'", 1, Patience);
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 0 AND realized_pnl = 100"));
        Assert.Empty(await gw.Reconcile());
    }

    [Fact]
    public async Task Should_exit_the_rest_when_a_leg_fills_while_its_pair_is_being_cancelled()
    {
        await using var rig = await LiveRig.Start(WaitForCancels, o => o with { PendingDelay = TimeSpan.FromSeconds(1) });
        rig.Venue.PartialFills(1);
        var m1 = rig.Open.AddMinutes(1);
        var order = await rig.SendEntryAtOpen("AAPL");
        var first = $"tw-{order.ExecutionId:N}-TARGET";
        await Listening(rig);

        // The rest of the entry fills, the gateway asks to cancel the pair sized 5, and while that cancel is pending
        // the market reaches the target: the venue fills it and answers the cancel with order_cancel_rejected.
        await Eventually.Until(() => Task.FromResult(rig.Venue.Orders.Any(o => o.ClientOrderId == first && o.Status == "pending_cancel")),
            pending => pending, Patience, "the first pair's cancel pending at the venue", TimeSpan.FromMilliseconds(20));
        VenueOnly(rig, m1, 105m, 111m, 104m, 110m);
        Assert.Equal(("filled", 5m), rig.Venue.Orders.Where(o => o.ClientOrderId == first).Select(o => (o.Status, o.FilledQty)).Single());

        // The five shares the target did not cover are sold at market, and no second pair is ever placed.
        var gw = rig.Gateway;
        await gw.WaitForCount("the bracket closed", "SELECT count(*) FROM brackets WHERE state = 'CLOSED' AND exit_reason = 'TARGET'", 1, Patience);
        await rig.VenueFlatWithin(Patience, "the account flat at the venue");
        await rig.Minute(m1, [Bar("AAPL", m1, 105m, 111m, 104m, 110m)]);
        Assert.Equal(0, rig.VenueOrders(first + "-r1"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trades WHERE client_order_id = $1 AND qty = 5 AND price = 110", first));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM trades WHERE client_order_id = $1 AND qty = 5 AND price = 110",
            $"tw-{order.ExecutionId:N}-EXIT"));
        Assert.Equal(1, await gw.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 0 AND realized_pnl = 100"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Assert.Equal(0, await gw.Count("SELECT count(*) FROM risk_events WHERE reason_code IN ('UNKNOWN_FILL', 'ILLEGAL_TRANSITION', 'NAKED_POSITION', 'POSITION_MISMATCH')"));
        Assert.Empty(await gw.Reconcile());
    }

    /// <summary>The gateway waits up to 3 s for a cancel the venue completes a pending delay (1 s) after it is asked.</summary>
    static readonly Dictionary<string, string?> WaitForCancels = new() { ["Broker:Alpaca:CancelWait"] = "00:00:03" };

    /// <summary>An OCO pair at the venue: its take-profit parent (by client order id) and its stop leg.</summary>
    static List<VenueOrder> Pair(LiveRig rig, string targetClientOrderId)
    {
        var parent = rig.Venue.Orders.Single(o => o.ClientOrderId == targetClientOrderId);
        return [parent, .. rig.Venue.Orders.Where(o => o.ParentId == parent.Id)];
    }

    static int ListCalls(LiveRig rig) => rig.Venue.Requests.Count(r => r.Method == "GET" && r.Path == "/v2/orders");
}
