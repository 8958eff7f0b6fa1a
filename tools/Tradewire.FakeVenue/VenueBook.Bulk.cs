namespace Tradewire.FakeVenue;

internal sealed partial class VenueBook
{
    /// <summary>
    /// <c>DELETE /v2/orders</c> (data/webapi/endpoints/orders.yaml): "HTTP 207 Multi-Status with body; an array of
    /// objects that include the order id and http status code for each status request". Each open order is cancelled
    /// as <see cref="Cancel"/> does (asynchronously); one that is not cancelable now answers 500 in its entry.
    /// </summary>
    public IReadOnlyList<MultiStatus> CancelAll()
    {
        lock (_gate)
        {
            var answers = new List<MultiStatus>();
            foreach (var order in _sequence.Select(id => _orders[id]).Where(o => o.IsOpen && o.ParentId is null).ToList())
                answers.Add(Cancel(order.Id) is { } refused
                    ? new MultiStatus(order.Id, null, 500, new { code = refused.Code, message = refused.Message })
                    : new MultiStatus(order.Id, null, 200, null));
            return answers;
        }
    }

    /// <summary>
    /// <c>DELETE /v2/positions</c> (data/webapi/endpoints/positions.yaml): every position closed by a market order, one
    /// 207 entry per symbol. With <c>cancel_orders=true</c> the open orders are cancelled first and their shares freed;
    /// without it, shares held by open orders make that symbol's entry a 403.
    /// </summary>
    public IReadOnlyList<MultiStatus> CloseAll(bool cancelOrders)
    {
        lock (_gate)
        {
            if (cancelOrders)
                foreach (var order in _orders.Values.Where(o => o.IsOpen).ToList())
                    MarkCanceled(order, _clock);
            var answers = new List<MultiStatus>();
            foreach (var (symbol, holding) in _holdings.OrderBy(h => h.Key, StringComparer.Ordinal).ToList())
            {
                var request = new OrderRequest(symbol, Math.Abs(holding.Qty), holding.Qty > 0 ? "sell" : "buy", "market", "day");
                var outcome = Submit(request, out _);
                answers.Add(outcome.Error is { } refused
                    ? new MultiStatus(null, symbol, refused.Status, new { code = refused.Code, message = refused.Message })
                    : new MultiStatus(null, symbol, 200, outcome.Value));
            }
            return answers;
        }
    }
}

/// <summary>One entry of a 207 answer: the order id or the symbol it is about, its own HTTP status, and its body.</summary>
internal sealed record MultiStatus(string? Id, string? Symbol, int Status, object? Body);
