namespace Tradewire.FakeVenue.Tests;

/// <summary>The rules of Alpaca's documents that a forgiving venue would let a client get wrong (each test names its document).</summary>
public sealed class When_the_venue_is_as_strict_as_alpaca
{
    static object Oco(string stop, string target, string id = "exit-1") => new
    {
        symbol = "AAPL", qty = 10, side = "sell", type = "limit", time_in_force = "day", order_class = "oco",
        client_order_id = id, take_profit = new { limit_price = target }, stop_loss = new { stop_price = stop },
    };

    [Fact] // trading/orders.md, "Sub-penny increments for limit orders" and "... for stop orders"
    public async Task Should_refuse_sub_penny_prices_with_code_42210000()
    {
        await using var h = await VenueHarness.Start();
        await VenueHarness.Refused(await h.Submit(new { symbol = "AAPL", qty = 1, side = "buy", type = "limit", time_in_force = "day", limit_price = "290.123" }),
            HttpStatusCode.UnprocessableEntity, 42210000, "invalid limit_price 290.123. sub-penny increment does not fulfill minimum pricing criteria");
        await VenueHarness.Refused(await h.Submit(new { symbol = "AAPL", qty = 1, side = "buy", type = "stop", time_in_force = "day", stop_price = "290.123" }),
            HttpStatusCode.UnprocessableEntity, 42210000, "invalid stop_price 290.123. sub-penny increment does not fulfill minimum pricing criteria");
        // Below $1.00 four decimals are allowed, five are not.
        await h.SubmitOk(new { symbol = "PENNY", qty = 1, side = "buy", type = "limit", time_in_force = "day", limit_price = "0.1234" });
        await VenueHarness.Refused(await h.Submit(new { symbol = "PENNY", qty = 1, side = "buy", type = "limit", time_in_force = "day", limit_price = "0.12345" }),
            HttpStatusCode.UnprocessableEntity, 42210000, "invalid limit_price 0.12345. sub-penny increment does not fulfill minimum pricing criteria");
    }

    [Fact] // trading/orders.md, "Order Lifecycle" (pending_cancel); the 403 body names held_for_orders
    public async Task Should_hold_the_shares_of_a_cancelled_order_until_the_cancel_completes()
    {
        await using var h = await VenueHarness.Start(o => o with { PendingDelay = TimeSpan.FromMinutes(5) });
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        var parent = await h.SubmitOk(Oco("95", "110"));

        Assert.Equal(HttpStatusCode.NoContent, (await h.Http.DeleteAsync($"/v2/orders/{parent["id"]}")).StatusCode);
        VenueHarness.Fields(await h.Get($"/v2/orders/{parent["id"]}"), ("status", "pending_cancel"));
        var refused = await VenueHarness.Read(await h.Submit(new { symbol = "AAPL", qty = 10, side = "sell", type = "market", time_in_force = "day" }),
            HttpStatusCode.Forbidden);
        VenueHarness.Fields(refused, ("held_for_orders", "10"), ("existing_qty", "10"), ("available", "0"), ("symbol", "AAPL"));
        Assert.Equal(40310000, (int)refused["code"]!);

        h.Venue.CompletePending();
        VenueHarness.Fields(await h.Get($"/v2/orders/{parent["id"]}"), ("status", "canceled"));
        await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "sell", type = "market", time_in_force = "day" });
    }

    [Fact] // trading/orders.md, "Bracket Orders": in fast markets both may fill before the cancellation occurs
    public async Task Should_let_a_fill_race_a_pending_cancel()
    {
        await using var h = await VenueHarness.Start(o => o with { PendingDelay = TimeSpan.FromMinutes(5) });
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        var parent = await h.SubmitOk(Oco("95", "110"));
        Assert.Equal(HttpStatusCode.NoContent, (await h.Http.DeleteAsync($"/v2/orders/{parent["id"]}")).StatusCode);

        await h.Bar("AAPL", VenueHarness.Minute(1), 105m, 111m, 104m, 110m);
        h.Venue.CompletePending();

        VenueHarness.Fields(await h.Get($"/v2/orders/{parent["id"]}"), ("status", "filled"), ("filled_avg_price", "110"));
        Assert.Empty((await h.Get("/v2/positions")).AsArray());
    }

    [Fact] // trading/orders.md, "Threshold on stop price of stop-loss orders"
    public async Task Should_refuse_an_oco_stop_not_a_cent_below_the_last_price()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        await VenueHarness.Refused(await h.Submit(Oco("100", "110")), HttpStatusCode.UnprocessableEntity, 42210000,
            "stop_loss.stop_price 100 must be at least 0.01 below the current market price 100");
        await VenueHarness.Refused(await h.Submit(Oco("99.99", "99.99")), HttpStatusCode.UnprocessableEntity, 42210000,
            "stop_loss.stop_price 99.99 must be at least 0.01 below take_profit.limit_price 99.99");
        await h.SubmitOk(Oco("99.99", "110"));
    }

    [Fact] // trading/orders.md, "Stop Order": buy stops become stop-limit orders, 4% above a stop under $50
    public async Task Should_turn_a_buy_stop_into_a_stop_limit()
    {
        await using var h = await VenueHarness.Start();
        var cheap = await h.SubmitOk(new { symbol = "F", qty = 1, side = "buy", type = "stop", time_in_force = "day", stop_price = "12.35" });
        var dear = await h.SubmitOk(new { symbol = "AAPL", qty = 1, side = "buy", type = "stop", time_in_force = "day", stop_price = "100" });
        VenueHarness.Fields(cheap, ("type", "stop_limit"), ("stop_price", "12.35"), ("limit_price", "12.85"));
        VenueHarness.Fields(dear, ("type", "stop_limit"), ("stop_price", "100"), ("limit_price", "102.5"));
    }

    [Fact] // trading/orders.md, "OCO Orders": replacement updates limit_price and stop_price only
    public async Task Should_replace_only_prices_on_an_oco_leg_and_may_reject_the_replace()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        var parent = await h.SubmitOk(Oco("95", "110"));
        var leg = (string)parent["legs"]![0]!["id"]!;

        await VenueHarness.Refused(await h.Http.PatchAsJsonAsync($"/v2/orders/{leg}", new { qty = 5 }), HttpStatusCode.UnprocessableEntity, 42210000,
            "only limit_price and stop_price can be replaced on a leg of an oco order");
        h.Venue.RejectReplaces(1);
        var refusedLater = await VenueHarness.Read(await h.Http.PatchAsJsonAsync($"/v2/orders/{leg}", new { stop_price = "97" }), HttpStatusCode.OK);
        VenueHarness.Fields(await h.Get($"/v2/orders/{leg}"), ("status", "pending_replace"));
        h.Venue.CompletePending();
        VenueHarness.Fields(await h.Get($"/v2/orders/{refusedLater["id"]}"), ("status", "rejected"));
        VenueHarness.Fields(await h.Get($"/v2/orders/{leg}"), ("status", "held"), ("stop_price", "95"), ("replaced_by", null));
    }

    [Fact] // trading-api/_index.md, "Rate Limit"; broker-api/_index.md names the headers
    public async Task Should_answer_429_with_the_quota_headers_once_the_minute_is_spent()
    {
        await using var h = await VenueHarness.Start(o => o with { RateLimitPerMinute = 3 });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await h.Http.GetAsync("/v2/account")).StatusCode);
        var refused = await h.Http.GetAsync("/v2/account");

        await VenueHarness.Refused(refused, HttpStatusCode.TooManyRequests, 42910000, "rate limit exceeded");
        Assert.Equal("3", refused.Headers.GetValues("X-Ratelimit-Limit").Single());
        Assert.Equal("0", refused.Headers.GetValues("X-Ratelimit-Remaining").Single());
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(refused.Headers.GetValues("X-Ratelimit-Reset").Single()));
        Assert.InRange(reset - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61));
    }

    [Fact] // data/webapi/endpoints/orders.yaml and positions.yaml: 207 Multi-Status
    public async Task Should_cancel_all_and_close_all_with_207()
    {
        await using var h = await VenueHarness.Start(o => o with { PendingDelay = TimeSpan.FromMinutes(5) });
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        await h.SubmitOk(Oco("95", "110"));

        var cancelAll = await VenueHarness.Read(await h.Http.DeleteAsync("/v2/orders"), (HttpStatusCode)207);
        Assert.Equal(200, (int)Assert.Single(cancelAll.AsArray())!["status"]!);
        // The cancel is still pending, so closing without cancel_orders finds the shares held.
        var held = await VenueHarness.Read(await h.Http.DeleteAsync("/v2/positions"), (HttpStatusCode)207);
        Assert.Equal(403, (int)Assert.Single(held.AsArray())!["status"]!);
        var closed = await VenueHarness.Read(await h.Http.DeleteAsync("/v2/positions?cancel_orders=true"), (HttpStatusCode)207);
        VenueHarness.Fields(Assert.Single(closed.AsArray())!, ("symbol", "AAPL"));
        VenueHarness.Fields(closed[0]!["body"], ("side", "sell"), ("type", "market"), ("qty", "10"));
    }

    [Fact] // trading-api/clock.md
    public async Task Should_tell_the_next_open_and_close()
    {
        await using var h = await VenueHarness.Start();
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 100m, 100m, 100m);
        VenueHarness.Fields(await h.Get("/v2/clock"), ("is_open", "true"), ("next_open", "2026-11-24T14:30:00Z"), ("next_close", "2026-11-23T21:00:00Z"));
    }

    [Fact] // the retried sell whose first attempt landed is refused for its shares before its id
    public async Task Should_answer_a_retried_sell_that_already_landed_with_403()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        var sell = new { symbol = "AAPL", qty = 10, side = "sell", type = "limit", time_in_force = "day", limit_price = "120", client_order_id = "x-1" };
        await h.SubmitOk(sell);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.Submit(sell)).StatusCode);
        Assert.Single(h.Venue.Orders, o => o.ClientOrderId == "x-1");
    }
}
