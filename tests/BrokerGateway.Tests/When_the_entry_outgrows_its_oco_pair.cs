namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// A LIVE entry filled in parts: Alpaca cannot change an OCO leg's quantity, so the pair placed after the first part
/// is cancelled and, once the venue has carried the cancel out, placed again for the whole position. The venue's
/// timers never fire here (pending delay 5 min): the test completes each fill and cancel when it wants.
/// </summary>
public sealed class When_the_entry_outgrows_its_oco_pair
{
    static Task<LiveVenue> Start(TimeSpan cancelWait) =>
        LiveVenue.Start(v => v with { PendingDelay = TimeSpan.FromMinutes(5) }, a => a.CancelWait = cancelWait);

    /// <summary>Entry sent at 10:00; its first part (5 of 10) filled and protected at 10:01; the rest filled at the venue.</summary>
    static async Task<Bracket> HalfProtectedThenFilled(LiveVenue live)
    {
        var h = live.Harness;
        live.Venue.PartialFills(1);
        var b = h.Request(mode: "LIVE", minute: h.At(10, 0));
        await live.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        live.Venue.CompletePending(); // 5 of 10
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m)); // not the venue: its bar would fill the rest at once
        Assert.Equal((BracketState.EntryPartial, 5m), (b.State, h.Order(b, LegRole.Stop).Qty));
        live.Venue.CompletePending(); // the other 5
        return b;
    }

    [Fact]
    public async Task Should_place_the_pair_again_for_the_whole_position_once_the_venue_confirms_the_cancel()
    {
        await using var live = await Start(TimeSpan.FromMilliseconds(200));
        var h = live.Harness;
        var b = await HalfProtectedThenFilled(live);

        // The cancel is asked for and still pending at the venue: the smaller pair protects what it can meanwhile.
        await live.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 100m));
        Assert.Equal((BracketState.Protected, 10m), (b.State, b.FilledQty));
        Assert.Equal(0, h.Book.Replacements(b));
        Assert.Contains(live.Venue.Orders, o => o.ClientOrderId == b.Id(LegRole.Target) && o.Status == "pending_cancel");
        Assert.DoesNotContain("NAKED_POSITION", h.RiskCodes);

        live.Venue.CompletePending(); // the venue cancels the pair
        await live.Step(h.At(10, 3), h.Flat("AAPL", h.At(10, 3), 100m));
        Assert.Equal(1, h.Book.Replacements(b));
        Assert.Equal((b.Id(LegRole.Stop, 1), 10m, OrderStatus.Working), (h.Order(b, LegRole.Stop).ClientOrderId, h.Order(b, LegRole.Stop).Qty, h.Order(b, LegRole.Stop).Status));
        Assert.Equal(ClientOrderIds.OcoGroup(b.ExecutionId, 1), h.Order(b, LegRole.Target).OcoGroup);
        Assert.Equal(ClientOrderIds.OcoGroup(b.ExecutionId, 1), h.Book.Position("AAPL").OcoGroup);
        var open = live.Venue.Orders.Where(o => o.IsOpen).ToList();
        Assert.Equal(2, open.Count);
        Assert.All(open, o => Assert.Equal(10m, o.Qty));
        Assert.Contains(open, o => o.ClientOrderId == b.Id(LegRole.Target, 1));

        // A further step changes nothing, and the new pair's target takes the whole position.
        await live.Step(h.At(10, 4), h.Flat("AAPL", h.At(10, 4), 100m));
        Assert.Equal(1, h.Book.Replacements(b));
        await live.Step(h.At(10, 5), Harness.Bar("AAPL", h.At(10, 5), 105m, 111m, 104m, 110m));
        Assert.Equal((BracketState.Closed, "TARGET"), (b.State, b.ExitReason));
        Assert.Equal(0m, h.Book.Position("AAPL").Qty);
        Assert.Empty(live.Venue.Positions);
        Assert.DoesNotContain("NAKED_POSITION", h.RiskCodes);
        Assert.DoesNotContain("POSITION_MISMATCH", h.RiskCodes);
    }

    [Fact]
    public async Task Should_exit_the_uncovered_shares_when_the_leg_fills_while_its_cancel_is_pending()
    {
        await using var live = await Start(TimeSpan.FromSeconds(5));
        var h = live.Harness;
        var b = await HalfProtectedThenFilled(live);

        // The step books the rest and asks to cancel the pair; before the venue carries that out, the target fills.
        var step = h.Step(h.At(10, 2), [h.Flat("AAPL", h.At(10, 2), 110m)]);
        await Eventually.Until(() => live.Venue.Orders.Any(o => o.Status == "pending_cancel"), "the pair pending its cancel", TimeSpan.FromSeconds(5));
        live.Venue.ApplyBars([new FakeVenue.FakeBar("AAPL", h.At(10, 2), 105m, 111m, 104m, 110m, 1000)]);
        live.Venue.CompletePending(); // the cancel completes: order_cancel_rejected for the filled target
        await step;

        Assert.Equal(BracketState.Exiting, b.State);
        Assert.Equal(0, h.Book.Replacements(b));
        var exit = Assert.Single(live.Venue.Orders, o => o.ClientOrderId == b.Id(LegRole.Exit));
        Assert.Equal(("sell", 5m, "market"), (exit.Side, exit.Qty, exit.Type));
        Assert.DoesNotContain(live.Venue.Orders, o => o.IsOpen && o.OrderClass == "oco");

        live.Venue.CompletePending(); // the market exit fills
        await live.Step(h.At(10, 3), h.Flat("AAPL", h.At(10, 3), 110m));
        Assert.Equal((BracketState.Closed, "TARGET"), (b.State, b.ExitReason));
        Assert.Equal(0m, h.Book.Position("AAPL").Qty);
        Assert.Empty(live.Venue.Positions);
        Assert.Equal(100m, b.RealizedPnl);
        Assert.DoesNotContain(h.RiskCodes, c => c is "NAKED_POSITION" or "POSITION_MISMATCH" or "ILLEGAL_TRANSITION" or "UNKNOWN_FILL");
    }
}
