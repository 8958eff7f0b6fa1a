namespace Tradewire.FakeVenue.Tests;

public sealed class When_orders_are_submitted
{
    [Fact]
    public async Task Should_refuse_a_request_without_the_right_keys()
    {
        await using var h = await VenueHarness.Start();
        using var anonymous = new HttpClient { BaseAddress = new Uri(h.Venue.BaseUrl) };
        using var wrongSecret = new HttpClient { BaseAddress = new Uri(h.Venue.BaseUrl) };
        wrongSecret.DefaultRequestHeaders.Add("APCA-API-KEY-ID", VenueHarness.KeyId);
        wrongSecret.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "not-the-secret");

        await VenueHarness.Refused(await anonymous.GetAsync("/v2/account"), HttpStatusCode.Unauthorized, 40110000, "request is not authorized");
        var order = new { symbol = "AAPL", qty = 1, side = "buy", type = "market", time_in_force = "day", client_order_id = "sneaky" };
        await VenueHarness.Refused(await wrongSecret.PostAsJsonAsync("/v2/orders", order), HttpStatusCode.Unauthorized, 40110000, "request is not authorized");

        Assert.Empty(h.Venue.Orders);
        Assert.Equal([401, 401], h.Venue.Requests.Select(r => r.Status));
        Assert.Equal("sneaky", h.Venue.Requests[1].ClientOrderId);
    }

    [Fact]
    public async Task Should_answer_with_alpacas_order_object_and_find_it_by_client_order_id()
    {
        await using var h = await VenueHarness.Start();
        // qty as a number and limit_price as a string: Alpaca's clients send both.
        var sent = await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "buy", type = "limit", time_in_force = "gtc", limit_price = "110.50", client_order_id = "c-1" });

        VenueHarness.Fields(sent, ("status", "new"), ("qty", "10"), ("filled_qty", "0"), ("filled_avg_price", null), ("limit_price", "110.5"),
            ("type", "limit"), ("order_type", "limit"), ("order_class", "simple"), ("asset_class", "us_equity"), ("legs", null),
            ("submitted_at", "1970-01-01T00:00:00Z")); // the market clock before any bar, not the wall clock

        var found = await h.ByClientOrderId("c-1");
        Assert.Equal((string)sent["id"]!, (string)found["id"]!);
        VenueHarness.Fields(await h.Get($"/v2/orders/{sent["id"]}"), ("client_order_id", "c-1"));
        await VenueHarness.Refused(await h.Http.GetAsync("/v2/orders:by_client_order_id?client_order_id=c-2"), HttpStatusCode.NotFound, 40410000, "order not found");
    }

    [Fact]
    public async Task Should_refuse_a_reused_client_order_id_and_leave_the_first_order_untouched()
    {
        await using var h = await VenueHarness.Start();
        var first = await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "buy", type = "limit", time_in_force = "day", limit_price = 100, client_order_id = "c-1" });

        var again = await h.Submit(new { symbol = "MSFT", qty = 3, side = "buy", type = "market", time_in_force = "day", client_order_id = "c-1" });

        await VenueHarness.Refused(again, HttpStatusCode.UnprocessableEntity, 40010001, "client_order_id must be unique");
        var kept = await h.ByClientOrderId("c-1");
        VenueHarness.Fields(kept, ("id", (string)first["id"]!), ("symbol", "AAPL"), ("qty", "10"), ("status", "new"));
        Assert.Single(h.Venue.Orders);
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL","qty":0,"side":"buy","type":"market","time_in_force":"day"}""", "qty must be > 0")]
    [InlineData("""{"symbol":"AAPL","qty":1,"side":"short","type":"market","time_in_force":"day"}""", "invalid side: 'short' (buy or sell)")]
    [InlineData("""{"symbol":"AAPL","qty":1,"side":"buy","type":"limit","time_in_force":"day"}""", "limit_price is required (> 0) for a limit order")]
    [InlineData("""{"symbol":"AAPL","qty":1,"side":"sell","type":"stop","time_in_force":"ioc"}""", "invalid time_in_force: 'ioc' (day or gtc)")]
    [InlineData("""{"symbol":"AAPL","qty":1,"side":"sell","type":"market","time_in_force":"day","order_class":"oco","take_profit":{"limit_price":110},"stop_loss":{"stop_price":95}}""", "an oco order must be of type limit")]
    [InlineData("""{"symbol":"AAPL","qty":1,"side":"sell","type":"limit","time_in_force":"day","order_class":"oco","take_profit":{"limit_price":110}}""", "an oco order requires stop_loss.stop_price (> 0)")]
    public async Task Should_refuse_an_invalid_order_with_the_rule_it_breaks(string body, string message)
    {
        await using var h = await VenueHarness.Start();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        await VenueHarness.Refused(await h.Http.PostAsync("/v2/orders", content), HttpStatusCode.UnprocessableEntity, 40010000, message);
        Assert.Empty(h.Venue.Orders);
    }
}
