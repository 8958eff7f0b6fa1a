namespace Tradewire.FakeVenue.Tests;

/// <summary>
/// Fills as Alpaca's paper venue gives them during the session (trading/paper-trading.md): a market order at the last
/// trade price at once, partial fills with the rest filled later; day orders expire at the close; a cancel that loses
/// the race with a fill is rejected on the stream.
/// </summary>
public sealed class When_the_market_is_open
{
    static object MarketBuy(string id, int qty = 10) => new { symbol = "AAPL", qty, side = "buy", type = "market", time_in_force = "day", client_order_id = id };

    [Fact]
    public async Task Should_fill_a_market_order_promptly_at_the_last_trade_price()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 101m, 99m, 100.5m);

        await h.SubmitOk(MarketBuy("entry-1"));

        // No further bar: the last trade (the bar's close) prices it, at the venue's clock.
        await Eventually.Until(async () => (string?)(await h.ByClientOrderId("entry-1"))["status"] == "filled", "the market order to fill", TimeSpan.FromSeconds(5));
        VenueHarness.Fields(await h.ByClientOrderId("entry-1"), ("filled_avg_price", "100.5"), ("filled_qty", "10"), ("filled_at", "2026-11-23T14:31:00Z"));
        VenueHarness.Fields(await h.Get("/v2/positions/AAPL"), ("qty", "10"));
    }

    [Fact]
    public async Task Should_leave_a_market_order_for_the_next_bar_when_the_market_is_closed()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(389), 100m, 100m, 100m, 100m); // 15:59: the clock is at the close

        await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "buy", type = "market", time_in_force = "gtc", client_order_id = "entry-1" });
        h.Venue.CompletePending(); // nothing is pending: no fill before the market opens
        VenueHarness.Fields(await h.ByClientOrderId("entry-1"), ("status", "new"));

        await h.Bar("AAPL", VenueHarness.Minute(24 * 60), 101m, 102m, 100m, 101.5m);
        VenueHarness.Fields(await h.ByClientOrderId("entry-1"), ("status", "filled"), ("filled_avg_price", "101"));
    }

    [Fact]
    public async Task Should_send_partial_fill_then_fill_when_a_partial_fill_is_armed()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 100m, 100m, 100m);
        await using var probe = await TradeStreamProbe.Listening(h.Venue);
        await VenueHarness.Read(await h.Http.PostAsJsonAsync("/fake/partial-fills", new { times = 1 }), HttpStatusCode.NoContent);

        await h.SubmitOk(MarketBuy("entry-1"));

        Assert.Equal([("new", "entry-1"), ("partial_fill", "entry-1"), ("fill", "entry-1")], await probe.Events(3));
        VenueHarness.Fields(await h.ByClientOrderId("entry-1"), ("filled_qty", "10"), ("status", "filled"));
    }

    [Fact]
    public async Task Should_expire_a_day_order_still_open_at_the_close()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(380), 100m, 100m, 100m, 100m);
        await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "buy", type = "limit", limit_price = "90", time_in_force = "day", client_order_id = "bid-1" });
        await using var probe = await TradeStreamProbe.Listening(h.Venue);

        await h.Bar("AAPL", VenueHarness.Minute(389), 100m, 100m, 100m, 100m); // its end is 16:00, the close

        Assert.Equal([("expired", "bid-1")], await probe.Events(1));
        VenueHarness.Fields(await h.ByClientOrderId("bid-1"), ("status", "expired"), ("expired_at", "2026-11-23T21:00:00Z"));
    }

    [Fact]
    public async Task Should_send_order_cancel_rejected_when_the_order_filled_before_its_cancel_completed()
    {
        await using var h = await VenueHarness.Start(o => o with { PendingDelay = TimeSpan.FromHours(1) }); // the test completes it
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 100m, 100m, 100m);
        await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "buy", type = "limit", limit_price = "99", time_in_force = "day", client_order_id = "bid-1" });
        await using var probe = await TradeStreamProbe.Listening(h.Venue);

        await VenueHarness.Read(await h.Http.DeleteAsync($"/v2/orders/{(string)(await h.ByClientOrderId("bid-1"))["id"]!}"), HttpStatusCode.NoContent);
        await h.Bar("AAPL", VenueHarness.Minute(1), 99m, 99m, 98m, 98.5m); // fills while the cancel is pending
        h.Venue.CompletePending();

        Assert.Equal([("pending_cancel", "bid-1"), ("fill", "bid-1"), ("order_cancel_rejected", "bid-1")], await probe.Events(3));
        VenueHarness.Fields(await h.ByClientOrderId("bid-1"), ("status", "filled"));
    }
}
