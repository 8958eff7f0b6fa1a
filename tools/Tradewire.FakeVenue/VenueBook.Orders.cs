namespace Tradewire.FakeVenue;

internal sealed partial class VenueBook
{
    /// <summary>
    /// Accepts an order (an OCO as its take-profit parent plus one stop leg) or refuses it the way Alpaca does:
    /// 422 invalid or sub-penny, 422 a stop-loss too close to the market, 403 a sell beyond the free position (no
    /// shorting; shares held by open orders are not free), 422 a reused client_order_id.
    /// <paramref name="clientOrderId"/> is the effective id, generated when the request had none.
    /// </summary>
    public Outcome<OrderBody> Submit(OrderRequest request, out string? clientOrderId)
    {
        clientOrderId = request.ClientOrderId;
        if (request.Check() is { } invalid) return invalid;
        lock (_gate)
        {
            var qty = request.Qty!.Value;
            var oco = request.OrderClass == "oco";
            // trading/orders.md, "Threshold on stop price of stop-loss orders": the base price is also the current market price.
            if (oco && _marks.TryGetValue(request.Symbol!, out var last)
                && OrderRequest.StopThreshold(request.Side!, request.StopLoss!.StopPrice!.Value, last, "the current market price") is { } tooClose)
                return tooClose;
            // The shares are checked before the id: a retried sell whose first attempt landed finds its own shares
            // held by that first order and is refused 403, not as a duplicate (the client must look the id up).
            if (CheckSellable(request.Side!, request.Symbol!, qty, exceptGroup: null) is { } refused) return refused;
            if (clientOrderId is not null && _idByClientId.ContainsKey(clientOrderId)) return VenueError.DuplicateClientOrderId;
            clientOrderId ??= NewClientOrderId();

            var (type, limit, stop) = oco ? ("limit", request.TakeProfit!.LimitPrice, null) : (request.Type!, request.LimitPrice, request.StopPrice);
            var order = Add(StopRule.Convert(new VenueOrder
            {
                Id = NextUuid(), ClientOrderId = clientOrderId, Symbol = request.Symbol!, AssetId = StableUuid(request.Symbol!),
                Side = request.Side!, Type = type, TimeInForce = request.TimeInForce!, OrderClass = oco ? "oco" : "simple",
                Qty = qty, Status = OrderStatus.New, CreatedAt = _clock, UpdatedAt = _clock, SubmittedAt = _clock,
                LimitPrice = type == "limit" ? limit : null, StopPrice = type == "stop" ? stop : null,
            }));
            if (oco)
                Add(StopRule.Convert(order with
                {
                    // trading/orders.md, "OCO Orders": the stop-loss is a stop order, or a stop-limit one when it has a limit price;
                    // the stop leg waits "held" while its take-profit parent works.
                    Id = NextUuid(), ClientOrderId = NewClientOrderId(), Type = request.StopLoss!.LimitPrice is null ? "stop" : "stop_limit",
                    LimitPrice = request.StopLoss.LimitPrice, StopPrice = request.StopLoss.StopPrice, ParentId = order.Id, Status = OrderStatus.Held,
                }));
            var answer = Render(order, nested: true);
            if (!oco) FillAtMarketSoon(order);
            return answer;
        }
    }

    /// <summary>
    /// Starts cancelling an open order and its OCO partner: 404 unknown, 422 no longer open or waiting for a replace
    /// (trading/orders.md: a pending_replace order "will reject cancel request"). The answer is 204 at once; the
    /// orders wait in pending_cancel, still able to fill and still holding their shares, until the cancel completes.
    /// </summary>
    public VenueError? Cancel(string id)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(id, out var order)) return VenueError.OrderNotFound;
            if (!order.IsOpen || OpenGroup(order).Any(o => o.Status == OrderStatus.PendingReplace)) return VenueError.NotCancelable;
            var asked = OpenGroup(order).Where(o => o.Status != OrderStatus.PendingCancel).ToList();
            foreach (var o in asked)
                Put(o with { Status = OrderStatus.PendingCancel, UpdatedAt = _clock });
            var at = _clock;
            Later(() => CompleteCancel(GroupOf(order), asked.Select(o => o.Id).ToList(), at));
            return null;
        }
    }

    /// <summary>
    /// Starts replacing an open order by a new one (new id, <c>replaces</c> = the old id) that keeps the old one's fills
    /// and OCO link. Until the replace completes the old order is pending_replace (it can still fill, and then the
    /// replace fails) and the new one pending_new; then the old one ends <c>replaced</c> with <c>replaced_by</c> set,
    /// or, when the venue rejects the replace, goes back to what it was and the new one ends rejected.
    /// </summary>
    public Outcome<OrderBody> Replace(string id, ReplaceRequest request)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(id, out var old)) return VenueError.OrderNotFound;
            if (!old.IsOpen || old.Status is OrderStatus.PendingCancel or OrderStatus.PendingReplace) return VenueError.NotReplaceable;
            if (request.Check(old) is { } invalid) return invalid;
            if (request.ClientOrderId is { } wanted && _idByClientId.ContainsKey(wanted)) return VenueError.DuplicateClientOrderId;
            var qty = request.Qty ?? old.Qty;
            if (CheckSellable(old.Side, old.Symbol, qty - old.FilledQty, exceptGroup: GroupOf(old)) is { } refused) return refused;
            if (old.ParentId is { } parentId && request.StopPrice is { } newStop && _orders[parentId].LimitPrice is { } takeProfit
                && OrderRequest.StopThreshold(old.Side, newStop, takeProfit, "take_profit.limit_price") is { } tooClose)
                return tooClose;

            var replacement = Add(old with
            {
                Id = NextUuid(), ClientOrderId = request.ClientOrderId ?? NewClientOrderId(), Qty = qty,
                LimitPrice = request.LimitPrice ?? old.LimitPrice, StopPrice = request.StopPrice ?? old.StopPrice,
                TimeInForce = request.TimeInForce ?? old.TimeInForce, Status = OrderStatus.PendingNew, StatusBeforeReplace = old.Status,
                CreatedAt = _clock, UpdatedAt = _clock, SubmittedAt = _clock, Replaces = old.Id,
            });
            Put(old with { Status = OrderStatus.PendingReplace, StatusBeforeReplace = old.Status, UpdatedAt = _clock });
            var reject = _replaceRejections > 0;
            if (reject) _replaceRejections--;
            var at = _clock;
            Later(() => CompleteReplace(old.Id, replacement.Id, reject, at));
            return Render(replacement, nested: true);
        }
    }

    VenueOrder Add(VenueOrder order)
    {
        if (_orders.ContainsKey(order.Id)) throw new InvalidOperationException($"order {order.Id} exists already");
        _sequence.Add(order.Id);
        _idByClientId.Add(order.ClientOrderId, order.Id);
        Put(order);
        return order;
    }

    /// <summary>A generated client_order_id, skipping any a client happened to choose already.</summary>
    string NewClientOrderId()
    {
        var id = NextUuid();
        while (_idByClientId.ContainsKey(id)) id = NextUuid();
        return id;
    }

    void MarkCanceled(VenueOrder order, DateTimeOffset at) =>
        Put(order with { Status = OrderStatus.Canceled, CanceledAt = at, UpdatedAt = at });

    static string GroupOf(VenueOrder o) => o.ParentId ?? o.Id;

    /// <summary>The open orders of <paramref name="order"/>'s OCO pair (just itself when simple), in submission order.</summary>
    List<VenueOrder> OpenGroup(VenueOrder order) =>
        _sequence.Select(id => _orders[id]).Where(o => o.IsOpen && GroupOf(o) == GroupOf(order)).ToList();

    /// <summary>The 403 for a sell of <paramref name="qty"/> beyond what the position has free (a cash account: no shorting).</summary>
    VenueError? CheckSellable(string side, string symbol, decimal qty, string? exceptGroup)
    {
        if (side != "sell" || _shorting) return null;
        var existing = _holdings.TryGetValue(symbol, out var h) ? h.Qty : 0m;
        var held = HeldForOrders(symbol, exceptGroup);
        return existing - held < qty ? VenueError.InsufficientQty(symbol, qty, existing, held) : null;
    }

    /// <summary>
    /// Shares of <paramref name="symbol"/> that open sells hold, including those waiting for a cancel to complete.
    /// An OCO pair holds its shares once, since only one of its legs can fill.
    /// </summary>
    decimal HeldForOrders(string symbol, string? exceptGroup) => _orders.Values
        .Where(o => o.IsOpen && o.Side == "sell" && o.Symbol == symbol && GroupOf(o) != exceptGroup)
        .GroupBy(GroupOf)
        .Sum(g => g.Max(o => o.RemainingQty));
}
