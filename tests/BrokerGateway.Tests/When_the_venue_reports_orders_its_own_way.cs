using System.Net.Http.Json;
using Tradewire.FakeVenue;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>What Alpaca does to the orders it was sent: converts, replaces, refuses copies; the adapter still finds each one.</summary>
public sealed class When_the_venue_reports_orders_its_own_way
{
    [Fact]
    public async Task Should_find_a_shorts_stop_leg_that_came_back_as_stop_limit_and_book_its_fill()
    {
        await using var live = await LiveVenue.Start(v => v with { Shorting = true });
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0), side: "SELL", stop: 105m, target: 90m);
        Assert.Equal("stop_limit", Assert.Single(live.Venue.Orders, o => o.ParentId is not null).Type); // Alpaca's buy-stop rule

        await live.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 101m, 106m, 100m, 104m));

        Assert.Equal((BracketState.Closed, "STOP"), (b.State, b.ExitReason));
        Assert.Equal((OrderStatus.Filled, 105m), (h.Order(b, LegRole.Stop).Status, h.Order(b, LegRole.Stop).AvgFillPrice!.Value));
        Assert.Equal(0m, h.Book.Position("AAPL").Qty);
    }

    [Fact]
    public async Task Should_look_up_an_oco_whose_retry_was_refused_403_after_the_first_attempt_landed()
    {
        await using var live = await LiveVenue.Start(adapter: a => a.RequestTimeout = TimeSpan.FromMilliseconds(500));
        var h = live.Harness;
        var m = h.At(10, 0);
        var b = h.Request(minute: m, mode: "LIVE");
        await live.Step(m, h.Flat("AAPL", m, 100m));
        // The OCO lands, its answer is lost; the retry's sell finds the shares held by the first copy: 403.
        live.Venue.AddFault(new FakeFault(FaultRoute.Submit, FaultKind.AcceptThenHang, HangMs: 2000));
        await live.Step(m.AddMinutes(1), h.Flat("AAPL", m.AddMinutes(1), 100m));

        Assert.Contains(live.Venue.Requests, r => r.Method == "POST" && r.Status == 403);
        Assert.DoesNotContain("LEG_NOT_ACCEPTED", h.RiskCodes);
        Assert.Equal(BracketState.Protected, b.State);
        Assert.Single(live.Venue.Orders, o => o.OrderClass == "oco" && o.ParentId is null);
    }

    [Fact]
    public async Task Should_still_find_the_stop_leg_after_its_parent_was_replaced()
    {
        await using var live = await LiveVenue.Start();
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0));
        var parent = Assert.Single(live.Venue.Orders, o => o.OrderClass == "oco" && o.ParentId is null);
        (await live.Http.PatchAsJsonAsync($"v2/orders/{parent.Id}", new { limit_price = "112" })).EnsureSuccessStatusCode();
        await Eventually.Until(() => live.Venue.Orders.Any(o => o.Id == parent.Id && o.Status == "replaced"), "the parent replaced", TimeSpan.FromSeconds(5));

        var stop = await live.Broker.Query(h.Order(b, LegRole.Stop).ClientOrderId);

        Assert.Equal((OrderStatus.Working, 10m), (stop?.Status, stop?.Qty));
    }

    [Fact]
    public async Task Should_keep_the_stop_when_the_venue_rejects_the_replace_after_its_200()
    {
        await using var live = await LiveVenue.Start();
        var h = live.Harness;
        var m = h.Session.CloseUtc.AddMinutes(-20);
        var b = await live.Enter(m);
        live.Venue.RejectReplaces(1);
        for (var minute = m.AddMinutes(2); minute < h.Session.CloseUtc.AddMinutes(-10); minute = minute.AddMinutes(1))
            await live.Step(minute, h.Flat("AAPL", minute, 102m));

        Assert.DoesNotContain("EOD_STOP_TIGHTENED", h.RiskCodes);
        Assert.Equal(95m, h.Order(b, LegRole.Stop).StopPrice);
        Assert.Contains(live.Venue.Orders, o => o.Status == "rejected" && o.Replaces is not null);
    }

    [Fact]
    public async Task Should_not_ask_the_venue_to_resize_an_oco_leg()
    {
        await using var live = await LiveVenue.Start();
        var h = live.Harness;
        var b = await live.Enter(h.At(10, 0));

        var ack = await live.Broker.Amend(h.Order(b, LegRole.Stop).ClientOrderId, 5m, null);

        Assert.Equal((Broker.AckStatus.Rejected, "QTY_NOT_REPLACEABLE_ON_OCO"), (ack.Status, ack.Reason));
        Assert.DoesNotContain(live.Venue.Requests, r => r.Method == "PATCH");
    }
}
