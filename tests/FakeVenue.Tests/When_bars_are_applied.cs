namespace Tradewire.FakeVenue.Tests;

public sealed class When_bars_are_applied
{
    [Fact]
    public async Task Should_fill_a_market_order_at_the_next_bars_open_and_update_the_position()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 100m, 100m, 100m);
        VenueHarness.Fields(await h.Get("/v2/clock"), ("timestamp", "2026-11-23T14:31:00Z"));

        var order = await h.SubmitOk(new { symbol = "AAPL", qty = "10", side = "buy", type = "market", time_in_force = "day" });
        VenueHarness.Fields(order, ("submitted_at", "2026-11-23T14:31:00Z"));
        await h.Bar("MSFT", VenueHarness.Minute(1), 300m, 300m, 300m, 300m); // another symbol's bar fills nothing of AAPL
        VenueHarness.Fields(await h.Get($"/v2/orders/{order["id"]}"), ("status", "new"));

        await h.Bar("AAPL", VenueHarness.Minute(1), 101.25m, 102m, 101m, 101.75m);

        VenueHarness.Fields(await h.Get($"/v2/orders/{order["id"]}"),
            ("status", "filled"), ("filled_qty", "10"), ("filled_avg_price", "101.25"), ("filled_at", "2026-11-23T14:31:00Z"));
        VenueHarness.Fields(await h.Get("/v2/positions/AAPL"),
            ("qty", "10"), ("avg_entry_price", "101.25"), ("side", "long"), ("current_price", "101.75"), ("market_value", "1017.5"));
        VenueHarness.Fields(await h.Get("/v2/account"), ("cash", "98987.5"), ("equity", "100005"));
    }

    [Fact]
    public async Task Should_refuse_a_bar_that_would_move_the_clock_back()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(5), 100m, 100m, 100m, 100m);
        var bar = new { symbol = "AAPL", minute = VenueHarness.Minute(4), open = 1, high = 1, low = 1, close = 1, volume = 1 };

        var response = await h.Http.PostAsJsonAsync("/fake/bars", new[] { bar });

        var body = await VenueHarness.Read(response, HttpStatusCode.Conflict);
        Assert.Contains("earlier than the last applied minute", (string)body["message"]!);
        Assert.Equal(VenueHarness.Minute(6), h.Venue.Clock);
    }

    [Fact]
    public async Task Should_refuse_a_sell_beyond_the_shares_not_already_held_by_open_sells()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        // An OCO pair holds its 6 shares once: 4 remain for another sell.
        await h.SubmitOk(new
        {
            symbol = "AAPL", qty = 6, side = "sell", type = "limit", time_in_force = "gtc", order_class = "oco",
            take_profit = new { limit_price = 110 }, stop_loss = new { stop_price = 95 },
        });
        await h.SubmitOk(new { symbol = "AAPL", qty = 4, side = "sell", type = "limit", time_in_force = "gtc", limit_price = 120 });

        var second = await h.Submit(new { symbol = "AAPL", qty = 1, side = "sell", type = "market", time_in_force = "day" });

        await VenueHarness.Refused(second, HttpStatusCode.Forbidden, 40310000, "insufficient qty available for order (requested: 1, available: 0)");
        Assert.Equal(4, h.Venue.Orders.Count); // the buy, the OCO pair, the limit sell
    }
}
