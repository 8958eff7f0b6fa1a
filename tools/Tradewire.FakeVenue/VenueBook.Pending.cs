namespace Tradewire.FakeVenue;

internal sealed partial class VenueBook
{
    /// <summary>
    /// Cancels and replaces complete a moment after the venue answered (trading/orders.md, "Order Lifecycle":
    /// pending_cancel, pending_replace): each is a step run by a timer <see cref="FakeVenueOptions.PendingDelay"/>
    /// later, or by <see cref="CompletePending"/>. Until then the order can still fill on a bar.
    /// </summary>
    void Later(Action step)
    {
        var pending = new Pending(step);
        _pending.Add(pending);
        pending.Timer = _time.CreateTimer(_ => { lock (_gate) Run(pending); }, null, _pendingDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes every cancel and replace still pending, oldest first.</summary>
    public void CompletePending()
    {
        lock (_gate)
            foreach (var pending in _pending.ToList())
                Run(pending);
    }

    /// <summary>The next <paramref name="times"/> replaces are rejected by the venue after their 200 (event order_replace_rejected).</summary>
    public void RejectReplaces(int times) { lock (_gate) _replaceRejections = times; }

    void Run(Pending pending)
    {
        if (!_pending.Remove(pending)) return;
        pending.Timer?.Dispose();
        pending.Step();
    }

    // The times written are the market clock when the request arrived, so a replay writes the same times whatever
    // the timer's moment.

    /// <summary>
    /// The group's orders still pending_cancel end canceled. One that filled meanwhile stays filled, and its cancel is
    /// refused: event <c>order_cancel_rejected</c> (trading-api/streaming.md, "Trade Updates").
    /// </summary>
    void CompleteCancel(string group, IReadOnlyList<string> asked, DateTimeOffset at)
    {
        foreach (var o in _orders.Values.Where(o => GroupOf(o) == group && o.Status == OrderStatus.PendingCancel).ToList())
            MarkCanceled(o, at);
        foreach (var o in asked.Select(id => _orders[id]).Where(o => o.Status == OrderStatus.Filled))
            Publish("order_cancel_rejected", o, o);
    }

    void CompleteReplace(string oldId, string newId, bool reject, DateTimeOffset at)
    {
        var old = _orders[oldId];
        var replacement = _orders[newId];
        if (old.Status != OrderStatus.PendingReplace || reject)
        {
            // Filled (or cancelled) meanwhile, or refused: the replacement never works and the old order is what it was.
            Put(replacement with { Status = OrderStatus.Rejected, FailedAt = at, UpdatedAt = at });
            if (old.Status == OrderStatus.PendingReplace)
                Put(old with { Status = old.StatusBeforeReplace ?? OrderStatus.New, UpdatedAt = at });
            return;
        }
        Put(replacement with { Status = old.StatusBeforeReplace ?? OrderStatus.New, UpdatedAt = at });
        Put(old with { Status = OrderStatus.Replaced, ReplacedAt = at, ReplacedBy = newId, UpdatedAt = at });
        // The legs follow their parent to its replacement, so the pair stays one OCO.
        foreach (var leg in _orders.Values.Where(l => l.ParentId == oldId && l.IsOpen).ToList())
            Put(leg with { ParentId = newId });
    }

    sealed class Pending(Action step)
    {
        public Action Step { get; } = step;
        public ITimer? Timer { get; set; }
    }
}
