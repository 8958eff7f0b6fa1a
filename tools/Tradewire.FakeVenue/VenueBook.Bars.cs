namespace Tradewire.FakeVenue;

internal sealed partial class VenueBook
{
    /// <summary>
    /// Applies one minute's bars: matches the open orders of each bar's symbol, marks the positions at the close and
    /// moves the clock to the minute's end. 409 for a minute that would move the clock back.
    /// </summary>
    public VenueError? ApplyBars(IReadOnlyList<FakeBar> bars)
    {
        if (bars.Count == 0) return null;
        var minute = bars[0].Minute;
        if (bars.Any(b => b.Minute != minute)) return VenueError.Invalid("all bars of one request must share one minute");
        if (bars.FirstOrDefault(b => string.IsNullOrWhiteSpace(b.Symbol)) is not null) return VenueError.Invalid("every bar needs a symbol");
        lock (_gate)
        {
            if (_lastBarMinute is { } last && minute < last)
                return VenueError.Conflict($"bar minute {Wire.Time(minute)} is earlier than the last applied minute {Wire.Time(last)}");
            if (minute.AddMinutes(1) < _clock)
                return VenueError.Conflict($"bar minute {Wire.Time(minute)} would move the venue clock back from {Wire.Time(_clock)}");
            ExpireDayOrders(_clock, minute);
            foreach (var bar in bars)
            {
                Match(bar);
                _marks[bar.Symbol] = bar.Close;
            }
            _lastBarMinute = minute;
            _clock = minute.AddMinutes(1);
            ExpireDayOrders(minute, _clock);
            return null;
        }
    }

    /// <summary>Sets the market clock before or between bars; it never goes back, so a replay stays ordered.</summary>
    public VenueError? SetClock(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (at < _clock) return VenueError.Conflict($"the venue clock is at {Wire.Time(_clock)} and does not go back to {Wire.Time(at)}");
            ExpireDayOrders(_clock, at);
            _clock = at;
            return null;
        }
    }

    void Match(FakeBar bar)
    {
        // An order is eligible from the first bar starting at or after its submission, in submission order.
        var eligible = _sequence.Select(id => _orders[id])
            .Where(o => o.IsOpen && o.Symbol == bar.Symbol && o.SubmittedAt <= bar.Minute)
            .Select(o => o.Id).ToList();
        foreach (var id in eligible)
        {
            var order = _orders[id];
            if (!order.IsOpen) continue; // its OCO partner filled earlier in this loop
            var group = OpenGroup(order).Where(o => o.SubmittedAt <= bar.Minute)
                .Select(o => (Order: o, Price: FillRules.Price(o, bar)))
                .Where(c => c.Price is not null).ToList();
            if (group.Count == 0) continue;
            // One bar touching both legs of an OCO: which came first is unknowable from a bar, so assume the worse (the stop).
            var (winner, price) = group.OrderBy(c => c.Order.Type is "stop" or "stop_limit" ? 0 : 1).First();
            Fill(winner, price!.Value, bar.Minute);
            if (_orders[winner.Id].Status != OrderStatus.Filled) continue; // partly filled: the rest waits for the next bar
            foreach (var loser in OpenGroup(winner)) MarkCanceled(loser, bar.Minute);
        }
    }

    void Fill(VenueOrder order, decimal price, DateTimeOffset at)
    {
        var qty = FillQty(order);
        var filled = order.FilledQty + qty;
        var avg = (order.FilledQty * (order.FilledAvgPrice ?? 0m) + qty * price) / filled;

        var held = _holdings.GetValueOrDefault(order.Symbol) ?? new Holding(0m, 0m);
        var signed = order.Side == "buy" ? qty : -qty;
        _cash -= signed * price;
        var total = held.Qty + signed;
        // A trade that adds to the position moves its entry price; one that reduces it (a sale, a short's cover) does not.
        if (total == 0m) _holdings.Remove(order.Symbol);
        else if (Math.Sign(total) != Math.Sign(held.Qty) && held.Qty != 0m) _holdings[order.Symbol] = new Holding(total, price);
        else if (Math.Abs(total) > Math.Abs(held.Qty)) _holdings[order.Symbol] = new Holding(total, (held.Qty * held.AvgEntryPrice + signed * price) / total);
        else _holdings[order.Symbol] = held with { Qty = total };
        // The order last, so that its trade_updates event carries the position after the fill.
        // A partial fill leaves the order working (or still pending its cancel or replace) for the rest.
        var status = filled == order.Qty ? OrderStatus.Filled
            : order.Status is OrderStatus.PendingCancel or OrderStatus.PendingReplace ? order.Status : OrderStatus.PartiallyFilled;
        Put(order with { FilledQty = filled, FilledAvgPrice = avg, Status = status, FilledAt = at, UpdatedAt = at });
    }
}
