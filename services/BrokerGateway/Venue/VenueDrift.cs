namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// Compares the ledger with the venue, without I/O. The venue may be ahead of the ledger: it fills orders at any
/// moment, and the ledger records those fills at its next minute. So a position is compared with what the ledger
/// will hold once it has caught up: its quantity plus, for each of its working orders, the shares the venue has
/// filled beyond the ledger's. Only what that lag cannot explain is drift.
/// </summary>
public static class VenueDrift
{
    /// <param name="ledgerWorking">The ledger's working LIVE orders.</param>
    /// <param name="ledgerPositions">The ledger's non-zero positions by ticker.</param>
    /// <param name="ledgerKnown">Client order ids of <paramref name="venueOpen"/> the ledger has under any status.</param>
    /// <param name="venueOpen">The venue's open orders.</param>
    /// <param name="venueClosed">The venue's view of each ledger-working order that is not open there (null: never seen).</param>
    /// <param name="venuePositions">The venue's positions.</param>
    public static IReadOnlyList<DriftItem> Compare(IReadOnlyList<LedgerOrderView> ledgerWorking, IReadOnlyDictionary<string, decimal> ledgerPositions,
        IReadOnlySet<string> ledgerKnown, IReadOnlyList<VenueOrderView> venueOpen, IReadOnlyDictionary<string, VenueOrderView?> venueClosed,
        IReadOnlyList<VenuePositionView> venuePositions)
    {
        var drift = new List<DriftItem>();
        var working = ledgerWorking.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        var open = venueOpen.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        foreach (var o in venueOpen.Where(o => !working.ContainsKey(o.ClientOrderId)))
            drift.Add(new DriftItem("ORDER_NOT_IN_LEDGER", o.Symbol, o.ClientOrderId, Ledger: ledgerKnown.Contains(o.ClientOrderId) ? 0 : null,
                Venue: o.Qty - o.FilledQty));

        var expected = new Dictionary<string, decimal>(ledgerPositions, StringComparer.Ordinal);
        foreach (var o in ledgerWorking)
        {
            var seen = open.GetValueOrDefault(o.ClientOrderId) ?? venueClosed.GetValueOrDefault(o.ClientOrderId);
            if (seen is null)
            {
                drift.Add(new DriftItem("ORDER_MISSING_AT_VENUE", o.Ticker, o.ClientOrderId, Ledger: o.FilledQty));
                continue;
            }
            var unrecorded = seen.FilledQty - o.FilledQty;
            if (unrecorded != 0)
                expected[o.Ticker] = expected.GetValueOrDefault(o.Ticker) + o.Sign * unrecorded;
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
