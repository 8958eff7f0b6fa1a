namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_session_nears_its_close
{
    [Theory]
    [InlineData(2026, 11, 23, 16)]   // regular close 16:00
    [InlineData(2026, 11, 27, 13)]   // day after Thanksgiving: early close 13:00
    public async Task Should_tighten_stops_at_close_minus_10_and_be_flat_at_close_minus_5(int y, int mo, int d, int closeHour)
    {
        await using var h = new Harness(new DateOnly(y, mo, d));
        var b = h.Request(minute: h.At(closeHour - 1, 30));
        await h.Step(h.At(closeHour - 1, 30), h.Flat("AAPL", h.At(closeHour - 1, 30), 100m));
        await h.Step(h.At(closeHour - 1, 31), h.Flat("AAPL", h.At(closeHour - 1, 31), 100m));
        Assert.Equal(BracketState.Protected, b.State);

        await h.Step(h.At(closeHour - 1, 49), h.Flat("AAPL", h.At(closeHour - 1, 49), 103m)); // closes at close-10, in profit
        Assert.Equal(100m, h.Order(b, LegRole.Stop).StopPrice);                         // break-even
        Assert.Contains("EOD_STOP_TIGHTENED", h.RiskCodes);

        await h.Step(h.At(closeHour - 1, 53), h.Flat("AAPL", h.At(closeHour - 1, 53), 104m));
        Assert.Equal(BracketState.Protected, b.State);
        await h.Step(h.At(closeHour - 1, 54), Harness.Bar("AAPL", h.At(closeHour - 1, 54), 104m, 105m, 103m, 104.5m)); // closes at close-5

        Assert.True(MinuteEngine.IsFlat(h.Book));
        Assert.Equal("EOD", b.ExitReason);
        Assert.Equal(104.5m, h.Order(b, LegRole.Exit).AvgFillPrice);   // the bar's close
        Assert.Contains("EOD_FLAT", h.RiskCodes);
    }

    [Fact]
    public async Task Should_refuse_entries_after_the_flatten_cutoff()
    {
        await using var h = new Harness(new DateOnly(2026, 11, 27));
        var b = h.Request(minute: h.At(12, 56));
        await h.Step(h.At(12, 56), h.Flat("AAPL", h.At(12, 56), 100m));
        Assert.Equal(BracketState.Rejected, b.State);
        Assert.Contains("MARKET_CLOSED", h.RiskCodes);
    }

    [Fact]
    public async Task Should_escalate_when_a_position_has_no_price_to_close_at()
    {
        await using var h = new Harness();
        var b = h.Request(minute: h.At(15, 0));
        await h.Step(h.At(15, 0), h.Flat("AAPL", h.At(15, 0), 100m));
        await h.Step(h.At(15, 1), h.Flat("AAPL", h.At(15, 1), 100m));
        h.Book.Marks.Remove("AAPL");                       // no price known for the ticker
        await h.Step(h.At(15, 54));
        Assert.Contains("EOD_NOT_FLAT", h.RiskCodes);
        await h.Step(h.At(15, 55), h.Flat("AAPL", h.At(15, 55), 99m)); // next minute: the exit fills at the open
        Assert.True(MinuteEngine.IsFlat(h.Book));
        Assert.Equal(BracketState.Closed, b.State);
    }
}
