using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;

namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// Compares the ledger with the venue, without I/O. The venue may be ahead of the ledger: it fills orders at any
/// moment, and the ledger records those fills at its next minute. So a position is compared with what the ledger
/// will hold once it has caught up: its quantity plus, for each of its working orders, the shares the venue has
/// filled beyond the ledger's. Open orders are compared per ticker and side, by count: the venue gives OCO legs and
/// replacements ids of its own, so the ledger's orders are matched through the adapter (<paramref name="venueViews"/>),
/// and a ticker and side with more open orders at the venue than ledger orders open there has one the ledger lacks.
/// </summary>
public static class VenueDrift
{
    /// <param name="ledgerWorking">The ledger's working LIVE orders.</param>
    /// <param name="venueViews">The venue's view of each of them through the adapter (null: the venue never had it).</param>
    /// <param name="ledgerPositions">The ledger's non-zero positions by ticker.</param>
    /// <param name="ledgerIds">Every client order id in the ledger (to name the venue's orders it does not know).</param>
    /// <param name="venueOpen">The venue's open orders, OCO legs included.</param>
    /// <param name="venuePositions">The venue's positions.</param>
    public static IReadOnlyList<DriftItem> Compare(IReadOnlyList<LedgerOrderView> ledgerWorking, IReadOnlyDictionary<string, BrokerOrderView?> venueViews,
        IReadOnlyDictionary<string, decimal> ledgerPositions, IReadOnlySet<string> ledgerIds, IReadOnlyList<VenueOrderView> venueOpen,
        IReadOnlyList<VenuePositionView> venuePositions)
    {
        var drift = new List<DriftItem>();
        var expected = new Dictionary<string, decimal>(ledgerPositions, StringComparer.Ordinal);
        var ledgerOpen = new Dictionary<(string, string), int>();
        foreach (var o in ledgerWorking)
        {
            if (venueViews.GetValueOrDefault(o.ClientOrderId) is not { } seen)
            {
                drift.Add(new DriftItem("ORDER_MISSING_AT_VENUE", o.Ticker, o.ClientOrderId, Ledger: 1, Venue: 0));
                continue;
            }
            var unrecorded = seen.FilledQty - o.FilledQty;
            if (unrecorded != 0)
                expected[o.Ticker] = expected.GetValueOrDefault(o.Ticker) + o.Sign * unrecorded;
            if (seen.Status == OrderStatus.Working)
                ledgerOpen[(o.Ticker, o.Side)] = ledgerOpen.GetValueOrDefault((o.Ticker, o.Side)) + 1;
        }

        foreach (var group in venueOpen.GroupBy(o => (o.Symbol, o.Side)).OrderBy(g => g.Key.Symbol, StringComparer.Ordinal).ThenBy(g => g.Key.Side))
        {
            var ours = ledgerOpen.GetValueOrDefault(group.Key);
            if (group.Count() > ours)
                drift.Add(new DriftItem("ORDER_NOT_IN_LEDGER", group.Key.Symbol,
                    string.Join(",", group.Select(o => o.ClientOrderId).Where(id => !ledgerIds.Contains(id))), Ledger: ours, Venue: group.Count()));
        }

        var venue = venuePositions.ToDictionary(p => p.Symbol, p => p.Qty, StringComparer.Ordinal);
        foreach (var ticker in expected.Keys.Union(venue.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.GetValueOrDefault(ticker);
            var have = venue.GetValueOrDefault(ticker);
            if (want != have)
                drift.Add(new DriftItem("POSITION_MISMATCH", ticker, Ledger: ledgerPositions.GetValueOrDefault(ticker), Venue: have, Expected: want));
        }
        return drift;
    }
}
