namespace Tradewire.BrokerGateway.Tests;

/// <summary>Prices the venue refuses (sub-penny, a stop through the market) never leave the gateway; the ledger keeps what was sent.</summary>
public sealed class When_prices_meet_the_venue_tick
{
    [Theory]
    [InlineData(95.123, "Sell", 95.13)]
    [InlineData(95.123, "Buy", 95.12)]
    [InlineData(0.123456, "Sell", 0.1235)]
    [InlineData(0.99999, "Sell", 1.00)]
    [InlineData(110.5, "Buy", 110.5)]
    public void Should_round_onto_the_tick_never_to_a_worse_price(decimal raw, string side, decimal expected) =>
        Assert.Equal(expected, Price.OnTick(raw, Enum.Parse<OrderSide>(side)).Value);

    [Fact]
    public async Task Should_place_an_oco_of_sub_penny_prices_on_the_tick_and_record_the_prices_sent()
    {
        await using var live = await LiveVenue.Start();
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0), stop: 95.123m, target: 110.456m);

        Assert.DoesNotContain("LEG_NOT_ACCEPTED", h.RiskCodes);
        Assert.Equal((95.13m, 110.46m), (h.Order(b, LegRole.Stop).StopPrice!.Value, h.Order(b, LegRole.Target).LimitPrice!.Value));
        var leg = Assert.Single(live.Venue.Orders, o => o.ParentId is not null);
        Assert.Equal(95.13m, leg.StopPrice);
    }

    [Fact]
    public async Task Should_place_the_stop_a_cent_inside_the_market_when_the_entry_bar_closed_through_it()
    {
        await using var live = await LiveVenue.Start();
        var h = live.Harness;
        var m = h.At(10, 0);
        // The entry fills at the open (100) and the bar closes at 94.5, through the 95 stop.
        var b = await live.Enter(m, fillBar: Harness.Bar("AAPL", m.AddMinutes(1), 100m, 100m, 94m, 94.5m));

        Assert.DoesNotContain("LEG_NOT_ACCEPTED", h.RiskCodes);
        Assert.Contains("STOP_CLAMPED_TO_MARKET", h.RiskCodes);
        Assert.Equal(94.49m, h.Order(b, LegRole.Stop).StopPrice);
        Assert.Equal(94.49m, Assert.Single(live.Venue.Orders, o => o.ParentId is not null).StopPrice);
    }

    [Fact]
    public async Task Should_tighten_a_stop_at_the_end_of_day_onto_the_tick()
    {
        await using var live = await LiveVenue.Start();
        var h = live.Harness;
        var m = h.Session.CloseUtc.AddMinutes(-20);
        var b = await live.Enter(m);
        // Below the entry at close-10: halfway from 95 to 98.333 is 96.6665, which the venue would refuse.
        for (var minute = m.AddMinutes(2); minute < h.Session.CloseUtc.AddMinutes(-10); minute = minute.AddMinutes(1))
            await live.Step(minute, h.Flat("AAPL", minute, 98.333m));

        Assert.Contains("EOD_STOP_TIGHTENED", h.RiskCodes);
        Assert.DoesNotContain(h.Book.NewRiskEvents, e => e.ReasonCode == "BROKER_FAULT");
        Assert.Equal(96.67m, h.Order(b, LegRole.Stop).StopPrice);
        await Eventually.Until(() => live.Venue.Orders.Any(o => o.ParentId is not null && o.Status == "held" && o.StopPrice == 96.67m), "the replaced stop at the venue", TimeSpan.FromSeconds(5));
    }
}
