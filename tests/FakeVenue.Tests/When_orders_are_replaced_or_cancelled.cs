namespace Tradewire.FakeVenue.Tests;

public sealed class When_orders_are_replaced_or_cancelled
{
    [Fact]
    public async Task Should_chain_replacements_through_replaces_and_replaced_by()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(0), 101m, 101m, 101m, 101m);
        var a = await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "buy", type = "limit", time_in_force = "day", limit_price = 100, client_order_id = "c-1" });

        var b = await VenueHarness.Read(await h.Http.PatchAsJsonAsync($"/v2/orders/{a["id"]}", new { limit_price = "99.5" }), HttpStatusCode.OK);
        await Replaced(h, (string)a["id"]!);
        await h.Bar("AAPL", VenueHarness.Minute(1), 101m, 101m, 101m, 101m);
        var c = await VenueHarness.Read(await h.Http.PatchAsJsonAsync($"/v2/orders/{b["id"]}", new { qty = 12, client_order_id = "c-3" }), HttpStatusCode.OK);
        VenueHarness.Fields(c, ("status", "pending_new"));
        await Replaced(h, (string)b["id"]!);

        VenueHarness.Fields(await h.Get($"/v2/orders/{a["id"]}"),
            ("status", "replaced"), ("replaced_by", (string)b["id"]!), ("replaced_at", "2026-11-23T14:31:00Z"), ("replaces", null));
        VenueHarness.Fields(await h.Get($"/v2/orders/{b["id"]}"),
            ("status", "replaced"), ("replaced_by", (string)c["id"]!), ("replaces", (string)a["id"]!), ("limit_price", "99.5"));
        VenueHarness.Fields(await h.Get($"/v2/orders/{c["id"]}"), ("status", "new"), ("qty", "12"), ("limit_price", "99.5"), ("client_order_id", "c-3"), ("replaces", (string)b["id"]!));
        await VenueHarness.Refused(await h.Http.PatchAsJsonAsync($"/v2/orders/{a["id"]}", new { qty = 5 }),
            HttpStatusCode.UnprocessableEntity, 42210000, "order is not replaceable");

        await h.Bar("AAPL", VenueHarness.Minute(2), 100m, 100.5m, 99m, 99.8m);

        VenueHarness.Fields(await h.ByClientOrderId("c-3"), ("status", "filled"), ("filled_qty", "12"), ("filled_avg_price", "99.5"));
    }

    /// <summary>A replace completes a moment after its 200 (trading/orders.md, "Order Lifecycle": pending_replace).</summary>
    static Task Replaced(VenueHarness h, string id) =>
        Eventually.Until(async () => (string?)(await h.Get($"/v2/orders/{id}"))["status"] == "replaced", $"order {id} to be replaced", TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Should_refuse_to_cancel_a_filled_order()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 5m, VenueHarness.Minute(0), 100m);
        var bought = Assert.Single(h.Venue.Orders);

        await VenueHarness.Refused(await h.Http.DeleteAsync($"/v2/orders/{bought.Id}"), HttpStatusCode.UnprocessableEntity, 42210000, "order is not cancelable");
        await VenueHarness.Refused(await h.Http.DeleteAsync("/v2/orders/no-such-order"), HttpStatusCode.NotFound, 40410000, "order not found");

        VenueHarness.Fields(await h.Get($"/v2/orders/{bought.Id}"), ("status", "filled"), ("canceled_at", null));
        VenueHarness.Fields(await h.Get("/v2/positions/AAPL"), ("qty", "5"));
    }
}
