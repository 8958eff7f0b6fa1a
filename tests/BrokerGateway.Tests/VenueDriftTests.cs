using Tradewire.BrokerGateway.Venue;

namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_ledger_is_compared_with_the_venue
{
    static readonly HashSet<string> Ids = ["tw-1-ENTRY", "tw-1-STOP", "tw-1-TARGET", "tw-2-ENTRY"];

    static BrokerOrderView View(string id, OrderStatus status, decimal filled) => new(id, status, 10, filled);

    [Fact]
    public void Should_find_nothing_when_they_agree_even_with_an_OCO_leg_under_an_id_of_the_venues()
    {
        var ledger = new[] { new LedgerOrderView("tw-1-STOP", "AAPL", "sell", 0), new LedgerOrderView("tw-1-TARGET", "AAPL", "sell", 0) };
        var views = new Dictionary<string, BrokerOrderView?> { ["tw-1-STOP"] = View("tw-1-STOP", OrderStatus.Working, 0), ["tw-1-TARGET"] = View("tw-1-TARGET", OrderStatus.Working, 0) };
        var venueOpen = new[] { new VenueOrderView("tw-1-TARGET", "AAPL", "sell", 10, 0, "new", true), new VenueOrderView("venue-leg-7", "AAPL", "sell", 10, 0, "held", true) };
        Assert.Empty(VenueDrift.Compare(ledger, views, new Dictionary<string, decimal> { ["AAPL"] = 10 }, Ids, venueOpen, [new VenuePositionView("AAPL", 10)]));
    }

    [Fact]
    public void Should_explain_a_fill_the_ledger_has_not_recorded_yet_as_lag_not_drift()
    {
        // The entry filled at the venue after the ledger's last minute: the venue holds 10, the ledger 0 and a working entry.
        var ledger = new[] { new LedgerOrderView("tw-1-ENTRY", "AAPL", "buy", 0) };
        var views = new Dictionary<string, BrokerOrderView?> { ["tw-1-ENTRY"] = View("tw-1-ENTRY", OrderStatus.Filled, 10) };
        Assert.Empty(VenueDrift.Compare(ledger, views, new Dictionary<string, decimal>(), Ids, [], [new VenuePositionView("AAPL", 10)]));
    }

    [Fact]
    public void Should_report_an_order_the_ledger_lacks_one_the_venue_never_saw_and_a_position_the_venue_closed()
    {
        var ledger = new[] { new LedgerOrderView("tw-1-STOP", "AAPL", "sell", 0), new LedgerOrderView("tw-2-ENTRY", "MSFT", "buy", 0) };
        var views = new Dictionary<string, BrokerOrderView?> { ["tw-1-STOP"] = View("tw-1-STOP", OrderStatus.Cancelled, 0), ["tw-2-ENTRY"] = null };
        var venueOpen = new[] { new VenueOrderView("outside-1", "NVDA", "buy", 5, 1, "partially_filled", true) };

        var drift = VenueDrift.Compare(ledger, views, new Dictionary<string, decimal> { ["AAPL"] = 10 }, Ids, venueOpen, [new VenuePositionView("NVDA", 1)]);

        Assert.Equal(
        [
            new DriftItem("ORDER_MISSING_AT_VENUE", "MSFT", "tw-2-ENTRY", Ledger: 1, Venue: 0),
            new DriftItem("ORDER_NOT_IN_LEDGER", "NVDA", "outside-1", Ledger: 0, Venue: 1),
            new DriftItem("POSITION_MISMATCH", "AAPL", Ledger: 10, Venue: 0, Expected: 10),
            new DriftItem("POSITION_MISMATCH", "NVDA", Ledger: 0, Venue: 1, Expected: 0),
        ], drift);
    }
}
