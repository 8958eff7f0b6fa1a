using System.Net.WebSockets;

namespace Tradewire.FakeVenue.Tests;

/// <summary>The trading stream (trading-api/streaming.md): authorization, listen, and the trade_updates events of order changes.</summary>
public sealed class When_trade_updates_are_streamed
{
    static object Buy(string id) => new { symbol = "AAPL", qty = 10, side = "buy", type = "market", time_in_force = "day", client_order_id = id };

    [Fact]
    public async Task Should_refuse_wrong_keys_and_a_listen_before_authorization()
    {
        await using var h = await VenueHarness.Start();
        await using var probe = await TradeStreamProbe.Connect(h.Venue);

        await probe.Send(new { action = "listen", data = new { streams = new[] { "trade_updates" } } });
        VenueHarness.Fields((await probe.Next())["data"], ("status", "unauthorized"), ("action", "listen"));
        await probe.Send(new { action = "auth", key = VenueHarness.KeyId, secret = "wrong" });
        VenueHarness.Fields((await probe.Next())["data"], ("status", "unauthorized"), ("action", "authenticate"));
        // The older documented form of the message is taken too.
        await probe.Send(new { action = "authenticate", data = new { key_id = VenueHarness.KeyId, secret_key = VenueHarness.SecretKey } });
        var authorized = await probe.Next();
        Assert.Equal("authorization", (string)authorized["stream"]!);
        VenueHarness.Fields(authorized["data"], ("status", "authorized"), ("action", "authenticate"));
        Assert.Equal(WebSocketMessageType.Binary, probe.LastFrameType); // the paper stream's frames are binary
        Assert.Equal(1, h.Venue.TradeStreamAuthorizations);
    }

    [Fact]
    public async Task Should_send_new_then_fill_with_the_fill_fields_and_the_order_object()
    {
        await using var h = await VenueHarness.Start();
        await using var probe = await TradeStreamProbe.Listening(h.Venue);

        await h.SubmitOk(Buy("entry-1"));
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 101m, 99m, 100.5m);

        var @new = await probe.Next();
        VenueHarness.Fields(@new["data"], ("event", "new"));
        VenueHarness.Fields(@new["data"]!["order"], ("client_order_id", "entry-1"), ("status", "new"), ("filled_qty", "0"));
        var fill = (await probe.Next())["data"]!;
        VenueHarness.Fields(fill, ("event", "fill"), ("price", "100"), ("qty", "10"), ("position_qty", "10"), ("timestamp", "2026-11-23T14:30:00Z"));
        Assert.NotNull((string?)fill["execution_id"]);
        VenueHarness.Fields(fill["order"], ("client_order_id", "entry-1"), ("status", "filled"), ("filled_qty", "10"), ("filled_avg_price", "100"));
    }

    [Fact]
    public async Task Should_send_the_pending_states_then_canceled_replaced_and_order_replace_rejected()
    {
        await using var h = await VenueHarness.Start();
        await h.Hold("AAPL", 10m, VenueHarness.Minute(0), 100m);
        await using var probe = await TradeStreamProbe.Listening(h.Venue);

        await h.SubmitOk(new { symbol = "AAPL", qty = 10, side = "sell", type = "stop", time_in_force = "day", client_order_id = "stop-1", stop_price = "95" });
        await Replace(h, "stop-1", new { stop_price = "96", client_order_id = "stop-2" });
        h.Venue.CompletePending();
        h.Venue.RejectReplaces(1);
        await Replace(h, "stop-2", new { stop_price = "97", client_order_id = "stop-3" });
        h.Venue.CompletePending();
        await VenueHarness.Read(await h.Http.DeleteAsync($"/v2/orders/{await IdOf(h, "stop-2")}"), HttpStatusCode.NoContent);
        h.Venue.CompletePending();

        Assert.Equal(
        [
            ("new", "stop-1"), ("pending_new", "stop-2"), ("pending_replace", "stop-1"), ("new", "stop-2"), ("replaced", "stop-1"),
            ("pending_new", "stop-3"), ("pending_replace", "stop-2"), ("rejected", "stop-3"), ("order_replace_rejected", "stop-2"),
            ("pending_cancel", "stop-2"), ("canceled", "stop-2"),
        ], await probe.Events(11));
    }

    static async Task<string> IdOf(VenueHarness h, string clientOrderId) => (string)(await h.ByClientOrderId(clientOrderId))["id"]!;

    static async Task Replace(VenueHarness h, string clientOrderId, object body) =>
        await VenueHarness.Read(await h.Http.PatchAsync($"/v2/orders/{await IdOf(h, clientOrderId)}", JsonContent.Create(body)), HttpStatusCode.OK);

    [Fact]
    public async Task Should_cut_the_stream_refuse_reconnects_while_down_and_repeat_events_newest_first()
    {
        await using var h = await VenueHarness.Start();
        var first = await TradeStreamProbe.Listening(h.Venue);

        h.Venue.TradeStreamDown();
        Assert.True(await first.Ended());
        await first.DisposeAsync();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TradeStreamProbe.Connect(h.Venue));
        Assert.Contains("503", refused.Message);
        await h.SubmitOk(Buy("entry-1")); // its "new" goes to nobody: the stream keeps no backlog

        h.Venue.TradeStreamUp();
        await using var second = await TradeStreamProbe.Listening(h.Venue);
        Assert.Equal(2, h.Venue.TradeStreamAuthorizations);
        await h.Bar("AAPL", VenueHarness.Minute(0), 100m, 100m, 100m, 100m);
        Assert.Equal([("fill", "entry-1")], await second.Events(1));

        h.Venue.RepeatTradeUpdates();
        Assert.Equal([("fill", "entry-1"), ("new", "entry-1")], await second.Events(2));
    }
}
