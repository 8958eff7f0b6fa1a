namespace Tradewire.FakeVenue.Tests;

public sealed class When_an_oco_pair_is_working
{
    static async Task<JsonNode> SubmitOco(VenueHarness h) => await h.SubmitOk(new
    {
        symbol = "AAPL", qty = 10, side = "sell", type = "limit", time_in_force = "gtc", order_class = "oco",
        client_order_id = "exit-1", take_profit = new { limit_price = "110" }, stop_loss = new { stop_price = "95" },
    });

    [Fact]
    public async Task Should_answer_with_the_stop_leg_and_fill_the_stop_when_one_bar_touches_both()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);

        var parent = await SubmitOco(h);

        VenueHarness.Fields(parent, ("order_class", "oco"), ("type", "limit"), ("limit_price", "110"), ("stop_price", null));
        var leg = Assert.Single(parent["legs"]!.AsArray())!;
        VenueHarness.Fields(leg, ("order_class", "oco"), ("type", "stop"), ("stop_price", "95"), ("limit_price", null),
            ("qty", "10"), ("side", "sell"), ("status", "held")); // trading/orders.md: the stop leg waits held behind its parent
        Assert.NotEqual("exit-1", (string)leg["client_order_id"]!);

        await h.Bar("AAPL", VenueHarness.Minute(1), 100m, 111m, 94m, 100m);

        VenueHarness.Fields(await h.Get($"/v2/orders/{leg["id"]}"), ("status", "filled"), ("filled_avg_price", "95"));
        VenueHarness.Fields(await h.ByClientOrderId("exit-1"), ("status", "canceled"), ("canceled_at", "2026-11-23T14:31:00Z"));
        Assert.Empty((await h.Get("/v2/positions")).AsArray());
        VenueHarness.Fields(await h.Get("/v2/account"), ("cash", "99950")); // -1000 bought, +950 sold
    }

    [Fact]
    public async Task Should_cancel_the_stop_when_the_limit_leg_fills()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        var parent = await SubmitOco(h);

        await h.Bar("AAPL", VenueHarness.Minute(1), 100.5m, 112m, 99m, 111m);

        var after = await h.Get($"/v2/orders/{parent["id"]}");
        VenueHarness.Fields(after, ("status", "filled"), ("filled_avg_price", "110"), ("filled_at", "2026-11-23T14:31:00Z"));
        VenueHarness.Fields(Assert.Single(after["legs"]!.AsArray()), ("status", "canceled"), ("canceled_at", "2026-11-23T14:31:00Z"));
        Assert.Empty((await h.Get("/v2/orders")).AsArray()); // nothing open
    }

    [Fact]
    public async Task Should_cancel_both_orders_when_the_stop_leg_is_cancelled()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        var parent = await SubmitOco(h);
        await using var probe = await TradeStreamProbe.Listening(h.Venue);

        var cancel = await h.Http.DeleteAsync($"/v2/orders/{parent["legs"]![0]!["id"]}");

        // 204 at once, the pair pending_cancel, then both canceled a moment later. The stream shows each state as it
        // happens, so the pending one is seen however late this test looks (the venue's own timer completes it).
        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        var events = await probe.Events(4);
        Assert.Equal(["pending_cancel", "pending_cancel", "canceled", "canceled"], events.Select(e => e.Event));
        Assert.Equal(2, events.Select(e => e.ClientOrderId).Distinct().Count());
        await Eventually.Until(() => Task.FromResult(h.Venue.Orders.Where(o => o.OrderClass == "oco").All(o => o.Status == "canceled")), "the cancel to complete", TimeSpan.FromSeconds(5));
        Assert.Equal(2, h.Venue.Orders.Count(o => o.OrderClass == "oco"));
    }
}
