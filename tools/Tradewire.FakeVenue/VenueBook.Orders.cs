namespace Tradewire.FakeVenue;

internal sealed partial class VenueBook
{
    /// <summary>
    /// Accepts an order (an OCO as its take-profit parent plus one stop leg) or refuses it the way Alpaca does:
    /// 422 invalid, 422 reused client_order_id, 403 a sell beyond the free position (no shorting).
    /// <paramref name="clientOrderId"/> is the effective id, generated when the request had none.
    /// </summary>
    public Outcome<OrderBody> Submit(OrderRequest request, out string? clientOrderId)
    {
        clientOrderId = request.ClientOrderId;
        if (request.Check() is { } invalid) return invalid;
        lock (_gate)
        {
            if (clientOrderId is not null && _idByClientId.ContainsKey(clientOrderId)) return VenueError.DuplicateClientOrderId;
            var qty = request.Qty!.Value;
            if (CheckSellable(request.Side!, request.Symbol!, qty, exceptGroup: null) is { } refused) return refused;
            clientOrderId ??= NewClientOrderId();

            var oco = request.OrderClass == "oco";
            var order = Add(new VenueOrder
            {
                Id = NextUuid(), ClientOrderId = clientOrderId, Symbol = request.Symbol!, AssetId = StableUuid(request.Symbol!),
                Side = request.Side!, Type = request.Type!, TimeInForce = request.TimeInForce!, OrderClass = oco ? "oco" : "simple",
                Qty = qty, Status = OrderStatus.New, CreatedAt = _clock, UpdatedAt = _clock, SubmittedAt = _clock,
                LimitPrice = oco ? request.TakeProfit!.LimitPrice : request.Type == "limit" ? request.LimitPrice : null,
                StopPrice = request.Type == "stop" ? request.StopPrice : null,
            });
            if (oco)
                Add(order with
                {
                    Id = NextUuid(), ClientOrderId = NewClientOrderId(), Type = "stop", LimitPrice = null,
                    StopPrice = request.StopLoss!.StopPrice, ParentId = order.Id,
                });
            return Render(order, nested: true);
        }
    }

    /// <summary>Cancels an open order and its OCO partner: 404 unknown, 422 no longer open.</summary>
    public VenueError? Cancel(string id)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(id, out var order)) return VenueError.OrderNotFound;
            if (!order.IsOpen) return VenueError.NotCancelable;
            foreach (var o in OpenGroup(order)) MarkCanceled(o, _clock);
            return null;
        }
    }

    /// <summary>
    /// Replaces an open order by a new one (new id, <c>replaces</c> = the old id) that keeps the old one's fills
    /// and OCO link; the old one ends <c>replaced</c> with <c>replaced_by</c> set.
    /// </summary>
    public Outcome<OrderBody> Replace(string id, ReplaceRequest request)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(id, out var old)) return VenueError.OrderNotFound;
            if (!old.IsOpen) return VenueError.NotReplaceable;
            if (request.Check(old) is { } invalid) return invalid;
            if (request.ClientOrderId is { } wanted && _idByClientId.ContainsKey(wanted)) return VenueError.DuplicateClientOrderId;
            var qty = request.Qty ?? old.Qty;
            if (CheckSellable(old.Side, old.Symbol, qty - old.FilledQty, exceptGroup: GroupOf(old)) is { } refused) return refused;

            var replacement = Add(old with
            {
                Id = NextUuid(), ClientOrderId = request.ClientOrderId ?? NewClientOrderId(), Qty = qty,
                LimitPrice = request.LimitPrice ?? old.LimitPrice, StopPrice = request.StopPrice ?? old.StopPrice,
                TimeInForce = request.TimeInForce ?? old.TimeInForce, Status = OrderStatus.New,
                CreatedAt = _clock, UpdatedAt = _clock, SubmittedAt = _clock, Replaces = old.Id,
            });
            _orders[old.Id] = old with { Status = OrderStatus.Replaced, ReplacedAt = _clock, ReplacedBy = replacement.Id, UpdatedAt = _clock };
            // The legs follow their parent to its replacement, so the pair stays one OCO.
            foreach (var leg in _orders.Values.Where(l => l.ParentId == old.Id && l.IsOpen).ToList())
                _orders[leg.Id] = leg with { ParentId = replacement.Id };
            return Render(replacement, nested: true);
        }
    }

    VenueOrder Add(VenueOrder order)
    {
        _orders.Add(order.Id, order);
        _sequence.Add(order.Id);
        _idByClientId.Add(order.ClientOrderId, order.Id);
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
        _orders[order.Id] = order with { Status = OrderStatus.Canceled, CanceledAt = at, UpdatedAt = at };

    static string GroupOf(VenueOrder o) => o.ParentId ?? o.Id;

    /// <summary>The open orders of <paramref name="order"/>'s OCO pair (just itself when simple), in submission order.</summary>
    List<VenueOrder> OpenGroup(VenueOrder order) =>
        _sequence.Select(id => _orders[id]).Where(o => o.IsOpen && GroupOf(o) == GroupOf(order)).ToList();

    /// <summary>The 403 for a sell of <paramref name="qty"/> beyond what the position has free (no shorting).</summary>
    VenueError? CheckSellable(string side, string symbol, decimal qty, string? exceptGroup)
    {
        if (side != "sell") return null;
        var available = Available(symbol, exceptGroup);
        return available < qty ? VenueError.InsufficientQty(qty, available) : null;
    }

    /// <summary>
    /// Shares of <paramref name="symbol"/> a new sell may take: the position minus what open sells already hold.
    /// An OCO pair holds its shares once, since only one of its legs can fill.
    /// </summary>
    decimal Available(string symbol, string? exceptGroup)
    {
        var held = _holdings.TryGetValue(symbol, out var h) ? h.Qty : 0m;
        var reserved = _orders.Values
            .Where(o => o.IsOpen && o.Side == "sell" && o.Symbol == symbol && GroupOf(o) != exceptGroup)
            .GroupBy(GroupOf)
            .Sum(g => g.Max(o => o.RemainingQty));
        return held - reserved;
    }
}
