namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// Alpaca answers a cancel with 204 and carries it out a moment later (pending_cancel), holding the order's shares
/// until then; a fill may come first. The market exits of the kill switch, end of day and max hold wait for it.
/// </summary>
public sealed class When_a_cancel_completes_later
{
    [Fact]
    public async Task Should_exit_on_the_kill_switch_only_once_the_pair_is_cancelled_at_the_venue()
    {
        await using var live = await LiveVenue.Start(v => v with { PendingDelay = TimeSpan.FromMilliseconds(150) });
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0));

        await h.Flatten(h.At(10, 2), "KILL_SWITCH");

        Assert.DoesNotContain("EXIT_NOT_ACCEPTED", h.RiskCodes);
        Assert.Equal((OrderStatus.Cancelled, OrderStatus.Cancelled), (h.Order(b, LegRole.Stop).Status, h.Order(b, LegRole.Target).Status));
        Assert.All(live.Venue.Orders.Where(o => o.OrderClass == "oco"), o => Assert.Equal("canceled", o.Status));
        var exit = Assert.Single(live.Venue.Orders, o => o.ClientOrderId == h.Order(b, LegRole.Exit).ClientOrderId);
        // Sent only now, and filled at the last trade a moment later (by the flatten's wait, or at the next step).
        Assert.Equal(("sell", 10m), (exit.Side, exit.Qty));
        Assert.Contains(exit.Status, new[] { "new", "filled" });

        await live.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 99m));
        Assert.Equal((BracketState.Closed, "KILL_SWITCH"), (b.State, b.ExitReason));
        Assert.Equal(0m, h.Book.Position("AAPL").Qty);
    }

    [Fact]
    public async Task Should_book_a_fill_that_raced_the_cancel_and_send_no_exit()
    {
        // The venue's cancel stays pending for the whole test: only the bar decides.
        await using var live = await LiveVenue.Start(v => v with { PendingDelay = TimeSpan.FromMinutes(5) }, a => a.CancelWait = TimeSpan.FromSeconds(5));
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0));

        var flatten = h.Flatten(h.At(10, 2), "KILL_SWITCH");
        await Eventually.Until(() => live.Venue.Orders.Any(o => o.Status == "pending_cancel"), "the pair pending its cancel", TimeSpan.FromSeconds(5));
        live.Venue.ApplyBars([new FakeVenue.FakeBar("AAPL", h.At(10, 2), 105m, 111m, 104m, 110m, 1000)]); // the target fills first
        var flat = await flatten;

        Assert.True(flat);
        Assert.Equal((BracketState.Closed, "TARGET"), (b.State, b.ExitReason));
        Assert.Equal((OrderStatus.Filled, 110m), (h.Order(b, LegRole.Target).Status, h.Order(b, LegRole.Target).AvgFillPrice!.Value));
        Assert.Null(h.Book.Order(b, LegRole.Exit));
        Assert.DoesNotContain(live.Venue.Orders, o => o.Type == "market" && o.Side == "sell");
        Assert.Equal(0m, h.Book.Position("AAPL").Qty);
        Assert.Contains(h.Book.NewTrades, t => t.Role == LegRole.Target && t.Qty == 10m && t.Price == 110m);
    }

    [Fact]
    public async Task Should_exit_on_max_hold_after_the_legs_are_cancelled()
    {
        await using var live = await LiveVenue.Start(v => v with { PendingDelay = TimeSpan.FromMilliseconds(150) });
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0), maxHold: 2);
        for (var m = h.At(10, 2); m <= h.At(10, 4); m = m.AddMinutes(1))
            await live.Step(m, h.Flat("AAPL", m, 101m));

        Assert.DoesNotContain("EXIT_NOT_ACCEPTED", h.RiskCodes);
        Assert.Equal((BracketState.Closed, "MAX_HOLD"), (b.State, b.ExitReason));
        Assert.Equal(0m, h.Book.Position("AAPL").Qty);
    }
}
