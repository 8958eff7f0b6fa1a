namespace Tradewire.BrokerGateway.Tests;

public sealed class When_an_open_position_loses_from_the_session_peak
{
    [Fact]
    public async Task Should_halt_entries_on_the_unrealized_loss_while_the_position_stays_protected()
    {
        // $100 from the session's peak halts; the daily loss limit (2 %) is far away.
        await using var h = new Harness(limits: new RiskLimits { MaxSessionDrawdownFraction = 0.001m });
        var b = h.Request("AAPL", qty: 50);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));   // entry fills at 100, legs placed
        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 104m));   // +200 open: the session's peak
        Assert.Equal(100_200m, h.Book.Status.SessionPeakEquity);
        Assert.Equal(TradingState.Active, h.Book.Status.State);

        await h.Step(h.At(10, 3), h.Flat("AAPL", h.At(10, 3), 101.5m)); // +75 open: still a gain on the day, 0.125 % off the peak

        Assert.Equal(TradingState.Halted, h.Book.Status.State);
        Assert.Equal(LossLimits.SessionDrawdown, h.Book.Status.Reason);
        Assert.Equal(0m, h.Book.RealizedPnl);                            // nothing booked: the open loss alone halted
        Assert.Equal(BracketState.Protected, b.State);                    // exits keep running
        var picture = RiskPicture.Of(h.Book, h.Limits, 0m);
        Assert.Equal(75m, picture.DailyPnl);
        Assert.Equal(Math.Round(125m / 100_200m, 6), picture.SessionDrawdown);
    }
}

public sealed class When_a_position_falls_five_percent_with_a_wider_stop
{
    [Fact]
    public async Task Should_exit_it_at_market_and_show_it_unprotected_until_the_exit_fills()
    {
        await using var h = new Harness(limits: new RiskLimits { MaxSessionDrawdownFraction = 0.5m });
        var b = h.Request("AAPL", qty: 50, stop: 80m, target: 120m);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));

        var held = RiskPicture.Of(h.Book, h.Limits, 0m);
        var view = Assert.Single(held.Positions);
        Assert.Equal((80m, 120m, true), (view.StopPrice!.Value, view.TargetPrice!.Value, view.Protected));
        Assert.Equal(50m * 20m, held.HeatUsd);
        Assert.Equal(0, held.UnprotectedSeconds);

        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 95.1m));  // -4.9 %: kept
        Assert.Equal(BracketState.Protected, b.State);
        Assert.Equal(-245m, RiskPicture.Of(h.Book, h.Limits, 0m).UnrealizedPnl);

        await h.Step(h.At(10, 3), h.Flat("AAPL", h.At(10, 3), 95m));    // -5 %: legs cancelled, exit at the next open
        Assert.Contains(PositionStop.Code, h.RiskCodes);
        Assert.Equal(BracketState.Exiting, b.State);
        var exiting = RiskPicture.Of(h.Book, h.Limits, 0m);
        Assert.False(Assert.Single(exiting.Positions).Protected);
        Assert.Equal(60, exiting.UnprotectedSeconds);                     // from the exit's placing to the minute's close

        await h.Step(h.At(10, 4), h.Flat("AAPL", h.At(10, 4), 94.5m));
        Assert.Equal(BracketState.Closed, b.State);
        Assert.Equal(PositionStop.Code, b.ExitReason);
        Assert.Equal(50m * (94.5m - 100m), b.RealizedPnl);
        Assert.Empty(RiskPicture.Of(h.Book, h.Limits, 0m).Positions);
    }
}
