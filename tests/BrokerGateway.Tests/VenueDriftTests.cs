using Tradewire.BrokerGateway.Venue;
using Xunit;

namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_ledger_is_compared_with_the_venue
{
    static readonly HashSet<string> None = [];
    static readonly Dictionary<string, VenueOrderView?> NoneClosed = [];

    [Fact]
    public void Should_find_nothing_when_they_agree()
    {
        var ledger = new[] { new LedgerOrderView("tw-1-STOP", "AAPL", -1, 0) };
        var venue = new[] { new VenueOrderView("tw-1-STOP", "AAPL", "sell", 10, 0, "new", true) };
        Assert.Empty(VenueDrift.Compare(ledger, new Dictionary<string, decimal> { ["AAPL"] = 10 }, None, venue, NoneClosed, [new VenuePositionView("AAPL", 10)]));
    }

    [Fact]
    public void Should_explain_a_fill_the_ledger_has_not_recorded_yet_as_lag_not_drift()
    {
        // The entry filled at the venue after the ledger's last minute: the venue holds 10, the ledger 0 and a working entry.
        var ledger = new[] { new LedgerOrderView("tw-1-ENTRY", "AAPL", 1, 0) };
        var closed = new Dictionary<string, VenueOrderView?> { ["tw-1-ENTRY"] = new("tw-1-ENTRY", "AAPL", "buy", 10, 10, "filled", false) };
        Assert.Empty(VenueDrift.Compare(ledger, new Dictionary<string, decimal>(), None, [], closed, [new VenuePositionView("AAPL", 10)]));
    }

    [Fact]
    public void Should_report_an_order_the_ledger_lacks_one_the_venue_never_saw_and_a_position_the_venue_closed()
    {
        var ledger = new[] { new LedgerOrderView("tw-1-STOP", "AAPL", -1, 0), new LedgerOrderView("tw-2-ENTRY", "MSFT", 1, 0) };
        var venueOpen = new[] { new VenueOrderView("outside-1", "NVDA", "buy", 5, 1, "partially_filled", true) };
        var closed = new Dictionary<string, VenueOrderView?>
        {
            ["tw-1-STOP"] = new("tw-1-STOP", "AAPL", "sell", 10, 0, "canceled", false), ["tw-2-ENTRY"] = null,
        };
        var drift = VenueDrift.Compare(ledger, new Dictionary<string, decimal> { ["AAPL"] = 10 }, None, venueOpen, closed, [new VenuePositionView("NVDA", 1)]);

        Assert.Equal(
        [
            new DriftItem("ORDER_NOT_IN_LEDGER", "NVDA", "outside-1", Venue: 4),
            new DriftItem("ORDER_MISSING_AT_VENUE", "MSFT", "tw-2-ENTRY", Ledger: 0),
            new DriftItem("POSITION_MISMATCH", "AAPL", Ledger: 10, Venue: 0, Expected: 10),
            new DriftItem("POSITION_MISMATCH", "NVDA", Ledger: 0, Venue: 1, Expected: 0),
        ], drift);
    }
}
