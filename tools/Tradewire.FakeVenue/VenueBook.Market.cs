namespace Tradewire.FakeVenue;

internal sealed partial class VenueBook
{
    /// <summary>The next <paramref name="times"/> fills fill part of what remains (<see cref="FillQty"/>).</summary>
    public void PartialFills(int times) { lock (_gate) _partialFills = times; }

    /// <summary>
    /// A market order submitted while the market is open fills promptly at the last trade price, as Alpaca's paper
    /// venue does (trading/paper-trading.md: orders are "matched against the best available current market price
    /// (NBBO)" in real time; the venue here knows trades, not quotes, so the last trade stands for the NBBO). The fill
    /// comes a moment after the answer (<see cref="FakeVenueOptions.PendingDelay"/>), as a real venue's does. Out of
    /// hours, or before the symbol has traded, it waits for the next bar and fills at its open (<see cref="FillRules"/>).
    /// </summary>
    void FillAtMarketSoon(VenueOrder order)
    {
        if (order.Type != "market" || !SessionClock.At(_clock).IsOpen || !_marks.ContainsKey(order.Symbol)) return;
        Later(() => FillAtMarket(order.Id));
    }

    void FillAtMarket(string id)
    {
        var order = _orders[id];
        // Cancelled meanwhile, or the session ended: the next bar decides.
        if (!order.IsOpen || order.Status == OrderStatus.PendingCancel || !SessionClock.At(_clock).IsOpen) return;
        Fill(order, _marks[order.Symbol], _clock);
        // A partial fill leaves the rest marketable: it is evaluated again for a further fill (trading/paper-trading.md).
        if (order.Type == "market" && _orders[id].IsOpen) Later(() => FillAtMarket(id));
    }

    /// <summary>
    /// How much of <paramref name="order"/>'s remaining quantity one fill takes: all of it, unless partial fills are
    /// armed. Alpaca's paper venue gives "partial fills for a random size 10% of the time" and re-evaluates the rest
    /// for a subsequent fill (trading/paper-trading.md); here the driver arms them so that a test knows when: half of
    /// what remains, in whole shares, at least one.
    /// </summary>
    decimal FillQty(VenueOrder order)
    {
        // Simple orders only: an OCO leg's partial fill would leave its sibling's size to the venue's judgement.
        if (_partialFills == 0 || order.RemainingQty < 2 || order.OrderClass == "oco") return order.RemainingQty;
        _partialFills--;
        return Math.Max(1m, Math.Floor(order.RemainingQty / 2));
    }

    /// <summary>
    /// Day orders still open when the session closes end <c>expired</c> (trading/orders.md, "Time in Force": a day
    /// order "if unfilled after the closing auction, is automatically canceled"; "Order Lifecycle": expired "the
    /// order has expired, and no further updates will occur"). Called whenever the clock moves.
    /// </summary>
    void ExpireDayOrders(DateTimeOffset from, DateTimeOffset to)
    {
        // Before the driver first sets the clock the venue is in no session, so nothing it holds is a day's order yet.
        if (from == DateTimeOffset.UnixEpoch) return;
        var close = DateTimeOffset.Parse(SessionClock.At(from).NextClose!, System.Globalization.CultureInfo.InvariantCulture);
        if (to < close) return;
        foreach (var order in _sequence.Select(id => _orders[id]).Where(o => o.IsOpen && o.TimeInForce == "day" && o.SubmittedAt < close).ToList())
            Put(order with { Status = OrderStatus.Expired, ExpiredAt = close, UpdatedAt = close });
    }
}
