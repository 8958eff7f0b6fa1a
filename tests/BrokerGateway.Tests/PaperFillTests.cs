namespace Tradewire.BrokerGateway.Tests;

/// <summary>Paper fill rules through the engine: entry at the next open, stop/target on a later bar's range.</summary>
public sealed class When_a_bracket_is_filled_on_paper
{
    static async Task<(Harness h, Bracket b)> Entered(PaperBrokerOptions? paper = null, decimal qty = 10)
    {
        var h = new Harness(paper: paper);
        var b = h.Request(qty: qty);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), Harness.Bar("AAPL", h.At(10, 1), 100.5m, 101m, 100m, 100.8m));
        return (h, b);
    }

    [Fact]
    public async Task Should_fill_the_entry_at_the_next_bars_open_plus_slippage_and_place_both_legs()
    {
        var (h, b) = await Entered(new PaperBrokerOptions { SlippageBps = 10 });
        var entry = h.Order(b, LegRole.Entry);
        Assert.Equal(OrderStatus.Filled, entry.Status);
        Assert.Equal(Math.Round(100.5m * 1.001m, 4), entry.AvgFillPrice);
        Assert.Equal(h.At(10, 1), h.Book.NewTrades.Single().FilledAt);
        Assert.Equal(BracketState.Protected, b.State);
        Assert.Equal(10m, h.Order(b, LegRole.Stop).Qty);
        Assert.Equal(10m, h.Order(b, LegRole.Target).Qty);
        Assert.Equal(10m, h.Book.Positions["AAPL"].Qty);
    }

    [Fact]
    public async Task Should_not_fill_the_entry_on_the_bar_of_its_own_minute()
    {
        await using var h = new Harness();
        var b = h.Request();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        Assert.Equal(BracketState.EntryWorking, b.State);
        Assert.Empty(h.Book.NewTrades);
    }

    [Fact]
    public async Task Should_fill_a_stop_gapped_through_at_the_worse_open()
    {
        var (h, b) = await Entered();
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 93m, 94m, 92m, 93.5m));
        Assert.Equal(93m, h.Order(b, LegRole.Stop).AvgFillPrice);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Target).Status);
        Assert.Equal(BracketState.Closed, b.State);
        Assert.Equal("STOP", b.ExitReason);
        Assert.Equal(10 * (93m - 100.5m), b.RealizedPnl);
        Assert.Equal(0m, h.Book.Positions["AAPL"].Qty);
    }

    [Fact]
    public async Task Should_fill_the_stop_first_when_one_bar_touches_both_legs()
    {
        var (h, b) = await Entered();
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 100m, 111m, 94m, 105m));
        Assert.Equal(OrderStatus.Filled, h.Order(b, LegRole.Stop).Status);
        Assert.Equal(95m, h.Order(b, LegRole.Stop).AvgFillPrice);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Target).Status);
        Assert.Equal("STOP", b.ExitReason);
    }

    [Fact]
    public async Task Should_cancel_the_stop_when_the_target_fills()
    {
        var (h, b) = await Entered();
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 108m, 112m, 107m, 111m));
        Assert.Equal(110m, h.Order(b, LegRole.Target).AvgFillPrice);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Stop).Status);
        Assert.Equal("TARGET", b.ExitReason);
        Assert.Equal(10 * (110m - 100.5m), b.RealizedPnl);
        Assert.DoesNotContain("ORPHAN_OCO_SIBLING", h.RiskCodes);
        Assert.Equal(["ENTRY", "TARGET"], h.Book.Outgoing.OfType<Contracts.Execution.OrderFilled>().Select(f => f.LegRole));
        var closed = Assert.Single(h.Book.Outgoing.OfType<Contracts.Execution.BracketClosed>());
        Assert.Equal(("TARGET", 95m), (closed.ExitReason, closed.RealizedPnl));
    }

    [Fact]
    public async Task Should_fill_a_target_gapped_through_at_the_better_open()
    {
        var (h, b) = await Entered();
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 112m, 113m, 111m, 112m));
        Assert.Equal(112m, h.Order(b, LegRole.Target).AvgFillPrice);
    }

    [Fact]
    public async Task Should_not_fill_legs_on_the_entry_bar_itself()
    {
        // The entry bar's low (94) is under the stop, but the legs only exist from the next bar.
        await using var h = new Harness();
        var b = h.Request();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), Harness.Bar("AAPL", h.At(10, 1), 100m, 100m, 94m, 96m));
        Assert.Equal(BracketState.Protected, b.State);
        Assert.Equal(OrderStatus.Working, h.Order(b, LegRole.Stop).Status);
    }
}

public sealed class When_a_short_bracket_is_filled_on_paper
{
    [Fact]
    public async Task Should_mirror_the_rules_buy_stop_gapped_through_fills_at_the_higher_open()
    {
        await using var h = new Harness(limits: new Risk.RiskLimits { AllowShorts = true });
        var b = h.Request(side: "SELL", stop: 105m, target: 90m);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));
        Assert.Equal(-10m, h.Book.Positions["AAPL"].Qty);
        Assert.Equal(OrderSide.Buy, h.Order(b, LegRole.Stop).Side);

        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 107m, 108m, 89m, 107m));   // gaps over the stop, also touches the target
        Assert.Equal(107m, h.Order(b, LegRole.Stop).AvgFillPrice);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Target).Status);
        Assert.Equal(-70m, b.RealizedPnl);
        Assert.Equal(0m, h.Book.Positions["AAPL"].Qty);
    }
}
