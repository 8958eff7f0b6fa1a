namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_participation_cap_splits_the_entry
{
    [Fact]
    public async Task Should_size_the_legs_to_the_filled_qty_and_resize_them_on_the_next_fill()
    {
        await using var h = new Harness(paper: new PaperBrokerOptions { SlippageBps = 0, ParticipationCap = 0.10m });
        var b = h.Request(qty: 10);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m, volume: 40));   // 10% of 40 = 4 shares

        Assert.Equal(BracketState.EntryPartial, b.State);
        Assert.Equal(4m, b.FilledQty);
        Assert.Equal(4m, h.Order(b, LegRole.Stop).Qty);
        Assert.Equal(4m, h.Order(b, LegRole.Target).Qty);
        Assert.Equal(4m, h.Book.Positions["AAPL"].Qty);

        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 100m, volume: 1_000));
        Assert.Equal(BracketState.Protected, b.State);
        Assert.Equal(10m, h.Order(b, LegRole.Stop).Qty);
        Assert.Equal(10m, h.Order(b, LegRole.Target).Qty);
        Assert.DoesNotContain("STOP_QTY_MISMATCH", h.RiskCodes);
    }

    [Fact]
    public async Task Should_cancel_the_entry_remainder_when_a_leg_fills_first()
    {
        await using var h = new Harness(paper: new PaperBrokerOptions { SlippageBps = 0, ParticipationCap = 0.10m });
        var b = h.Request(qty: 10);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m, volume: 40));
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 94m, 94m, 93m, 93m, volume: 0));

        Assert.Equal(BracketState.Closed, b.State);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Entry).Status);
        Assert.Equal(0m, h.Book.Positions["AAPL"].Qty);
        Assert.True(MinuteEngineFacts.NoWorkingOrders(h));
    }
}

static class MinuteEngineFacts
{
    public static bool NoWorkingOrders(Harness h) => h.Book.Orders.Values.All(o => o.Status != OrderStatus.Working);
}
