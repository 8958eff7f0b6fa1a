using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Venue;
using Tradewire.FakeVenue;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

public sealed class When_the_venue_and_the_ledger_disagree
{
    const string Drift = "SELECT count(*) FROM risk_events e, jsonb_array_elements(e.detail_json->'differences') d WHERE e.reason_code = 'RECONCILIATION_DRIFT' AND ";

    [Fact]
    public async Task Should_find_an_order_the_ledger_lacks_and_a_position_the_venue_closed_and_move_to_REDUCING()
    {
        await using var rig = await LiveRig.Start(new Dictionary<string, string?> { ["Reconciliation:Interval"] = "00:00:01" });
        var order = await rig.EnterAtOpen("AAPL");
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 10"));
        // In step with the venue, the ledger agrees with it, and the runs every second so far found nothing.
        Assert.Equal(VenueReconciler.Status.Clean, (await Reconcile(rig.Gateway)).Status);
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code LIKE 'RECONCILIATION_%'"));

        // Someone else trades on the account: an order the ledger never placed, and AAPL closed behind the gateway's
        // back (its OCO pair cancelled, then sold at market and filled by the next bar).
        using var outside = Outside(rig.Venue);
        (await outside.PostAsJsonAsync("v2/orders", new Dictionary<string, string>
        {
            ["symbol"] = "MSFT", ["qty"] = "5", ["side"] = "buy", ["type"] = "limit", ["limit_price"] = "1", ["time_in_force"] = "day",
            ["client_order_id"] = "outside-open",
        })).EnsureSuccessStatusCode();
        var parent = JsonDocument.Parse(await outside.GetStringAsync(
            $"v2/orders:by_client_order_id?client_order_id={ClientOrderIds.For(order.ExecutionId, LegRole.Target)}")).RootElement.GetProperty("id").GetString();
        (await outside.DeleteAsync($"v2/orders/{parent}")).EnsureSuccessStatusCode();
        // A cancel is asynchronous at the venue: the shares stay held by the pair until it has ended canceled.
        await Eventually.Until(async () => JsonDocument.Parse(await outside.GetStringAsync($"v2/orders/{parent}")).RootElement.GetProperty("status").GetString(),
            status => status == "canceled", TimeSpan.FromSeconds(30), "the outside cancel of the OCO pair to complete");
        (await outside.PostAsJsonAsync("v2/orders", new Dictionary<string, string>
        {
            ["symbol"] = "AAPL", ["qty"] = "10", ["side"] = "sell", ["type"] = "market", ["time_in_force"] = "day", ["client_order_id"] = "outside-close",
        })).EnsureSuccessStatusCode();
        var next = rig.Open.AddMinutes(2);
        rig.Venue.ApplyBars(Flat(["AAPL"], next, 100m).Select(b => new FakeBar(b.Symbol, b.Minute, b.Open, b.High, b.Low, b.Close, b.Volume)).ToList());

        // The next periodic run sees both, with the observed quantities.
        await Eventually.Until(() => rig.Gateway.Count(Drift + "d->>'Kind' = 'ORDER_NOT_IN_LEDGER' AND d->>'ClientOrderId' = 'outside-open' AND (d->>'Venue')::numeric = 1 AND (d->>'Ledger')::numeric = 0"),
            n => n >= 1, TimeSpan.FromSeconds(30), "the order the ledger lacks");
        await Eventually.Until(() => rig.Gateway.Count(Drift + "d->>'Kind' = 'POSITION_MISMATCH' AND d->>'Ticker' = 'AAPL' AND (d->>'Venue')::numeric = 0 AND (d->>'Expected')::numeric = 10"),
            n => n >= 1, TimeSpan.FromSeconds(30), "the position the venue closed");
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE state = 'REDUCING'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state_history WHERE state = 'REDUCING' AND reason = 'RECONCILIATION_DRIFT'"));
        // The ledger is not "corrected" from the venue: the operator decides.
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 10"));
    }

    [Fact]
    public async Task Should_never_take_a_venue_that_does_not_answer_as_flat()
    {
        await using var rig = await LiveRig.Start(new Dictionary<string, string?> { ["Reconciliation:Interval"] = "01:00:00" });
        await rig.EnterAtOpen("AAPL");
        rig.Venue.AddFault(new FakeFault(FaultRoute.List, FaultKind.Error503, Times: 100));

        var outcome = await Reconcile(rig.Gateway);

        Assert.Equal(VenueReconciler.Status.Failed, outcome.Status);
        Assert.Contains("503", outcome.Error);
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'RECONCILIATION_FAILED' AND severity = 'WARN'"));
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'RECONCILIATION_DRIFT'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_state WHERE state = 'ACTIVE'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM positions WHERE ticker = 'AAPL' AND qty = 10"));

        rig.Venue.ClearFaults();
        Assert.Equal(VenueReconciler.Status.Clean, (await Reconcile(rig.Gateway)).Status);
    }

    static Task<VenueReconciler.Outcome> Reconcile(GatewayHost gateway) =>
        gateway.InScope(sp => sp.GetRequiredService<VenueReconciler>().Run("test"));

    /// <summary>Another client of the same account, speaking Alpaca's API to the venue.</summary>
    static HttpClient Outside(Tradewire.FakeVenue.FakeVenue venue)
    {
        var http = new HttpClient { BaseAddress = new Uri(venue.BaseUrl + "/") };
        http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", LiveRig.KeyId);
        http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", LiveRig.SecretKey);
        return http;
    }
}
