using System.Globalization;
using System.Net;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;

namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>
/// The LIVE broker: Alpaca's Trading API v2 (its paper account or real money, by base URL). Made for one minute
/// step with the ledger's working orders (<see cref="Restore"/>), it holds no state of its own across steps, so a
/// crashed or redelivered step asks the venue again and gets the same answers:
/// <list type="bullet">
/// <item>Fills are the difference between the venue's filled quantity and average price and the ledger's, per
/// order; a step rolled back after reading them reads the same difference again.</item>
/// <item>Every order carries the ledger's deterministic client order id. A submit that failed or timed out is
/// retried with it; a venue that already has it refuses the copy ("client_order_id must be unique"), and the
/// adapter then finds the first one by that id: one order, whatever the faults.</item>
/// <item>Stop and target are placed as one OCO order (the venue refuses two sells larger together than the
/// position). The venue gives the stop leg an id of its own; the adapter finds it through its parent, the
/// target, which carries the ledger's target id.</item>
/// <item>An amended order is replaced at the venue by a new one; the adapter follows <c>replaced_by</c>. An OCO leg's
/// quantity cannot be replaced (<see cref="ResizesOcoLegs"/>): the engine cancels the pair and places a new one.</item>
/// </list>
/// </summary>
public sealed class AlpacaBroker : IBroker
{
    /// <summary>The ledger's view of an order this step knows: what the venue's figures are compared with.</summary>
    sealed class Known(OrderRecord order)
    {
        public string ClientOrderId { get; } = order.ClientOrderId;
        public OrderType Type { get; } = order.Type;
        public DateTimeOffset CreatedAt { get; } = order.CreatedAt;
        public decimal FilledQty { get; set; } = order.FilledQty;
        public decimal? AvgFillPrice { get; set; } = order.AvgFillPrice;
        public bool Done { get; set; }
    }

    /// <summary>At most this many orders in one list call (Alpaca's limit); more working orders are read one by one.</summary>
    const int ListLimit = 500;

    readonly AlpacaClient client;
    readonly AlpacaOptions options;
    readonly Dictionary<string, Known> known = new(StringComparer.Ordinal);
    /// <summary>Stop leg's ledger id -> the OCO parent's (the target's) ledger id.</summary>
    readonly Dictionary<string, string> stopParents = new(StringComparer.Ordinal);

    /// <param name="budget">The account's request quota, shared by every adapter of the process.</param>
    public AlpacaBroker(HttpClient http, AlpacaOptions options, AlpacaRateBudget budget, ILogger log)
    {
        this.options = options;
        client = new AlpacaClient(http, options, budget, log);
    }

    public ExecutionMode ExecutionMode => ExecutionMode.Live;

    /// <summary>No: Alpaca's PATCH of an OCO leg takes limit_price and stop_price only (trading/orders.md, "OCO Orders").</summary>
    public bool ResizesOcoLegs => false;

    /// <summary>Attaches a working order of the ledger (its fills so far are what the venue's are compared with).</summary>
    public void Restore(OrderRecord order, OrderRecord? ocoTarget)
    {
        known[order.ClientOrderId] = new Known(order);
        if (order.Role == LegRole.Stop && ocoTarget is not null)
            stopParents[order.ClientOrderId] = ocoTarget.ClientOrderId;
    }

    public async Task<BrokerAck> Submit(OrderRecord order)
    {
        known[order.ClientOrderId] = new Known(order);
        return await Place(order.ClientOrderId, new AlpacaNewOrder
        {
            Symbol = order.Ticker, Qty = order.Qty, Side = Side(order.Side), TimeInForce = options.TimeInForce, ClientOrderId = order.ClientOrderId,
            Type = order.Type switch { OrderType.Market => "market", OrderType.Stop => "stop", _ => "limit" },
            StopPrice = order.Type == OrderType.Stop ? order.StopPrice : null, LimitPrice = order.Type == OrderType.Limit ? order.LimitPrice : null,
        });
    }

    public async Task<BrokerAck> SubmitOco(OrderRecord stop, OrderRecord target)
    {
        known[stop.ClientOrderId] = new Known(stop);
        known[target.ClientOrderId] = new Known(target);
        stopParents[stop.ClientOrderId] = target.ClientOrderId;
        return await Place(target.ClientOrderId, new AlpacaNewOrder
        {
            Symbol = target.Ticker, Qty = target.Qty, Side = Side(target.Side), Type = "limit", TimeInForce = options.TimeInForce,
            ClientOrderId = target.ClientOrderId, OrderClass = "oco",
            TakeProfit = new AlpacaPrice(LimitPrice: target.LimitPrice), StopLoss = new AlpacaPrice(StopPrice: stop.StopPrice),
        });
    }

    async Task<BrokerAck> Place(string clientOrderId, AlpacaNewOrder body)
    {
        var reply = await client.Send(HttpMethod.Post, "v2/orders", body, $"submit {clientOrderId}");
        if (reply.Ok)
            return new BrokerAck(AckStatus.Accepted, null, reply.Faults);
        if (reply.Status is null)
            return new BrokerAck(AckStatus.NoAnswer, "NO_ANSWER", reply.Faults);
        // A refusal after a faulted attempt may be the venue refusing the copy of an order that landed: a duplicate
        // client_order_id (code 40010001), or a sell whose shares the first copy now holds (403). Whatever the 4xx,
        // the order is looked up by its client order id; if it is there, that order is the one.
        if (reply.ClientError && (reply.Faults.Count > 0 || reply.Code == AlpacaError.Malformed))
        {
            var existing = await Find(clientOrderId);
            if (existing is not null)
            {
                var faults = reply.Faults.Append($"HTTP {(int)reply.Status!} {reply.Code} on the retry: the order was already there").ToList();
                return new BrokerAck(existing.LedgerStatus == OrderStatus.Rejected ? AckStatus.Rejected : AckStatus.Accepted, null, faults);
            }
        }
        return new BrokerAck(AckStatus.Rejected, $"HTTP {(int)reply.Status}: {reply.Code} {reply.Message}", reply.Faults);
    }

    public async Task<BrokerAck> Cancel(string clientOrderId)
    {
        var order = await Find(clientOrderId);
        if (order is null)
            return new BrokerAck(AckStatus.Rejected, "UNKNOWN_ORDER");
        if (order.LedgerStatus != OrderStatus.Working)
            return new BrokerAck(AckStatus.Rejected, "NOT_WORKING");
        var reply = await client.Send(HttpMethod.Delete, $"v2/orders/{order.Id}", null, $"cancel {clientOrderId}");
        return reply switch
        {
            { Ok: true } => new BrokerAck(AckStatus.Accepted, null, reply.Faults),
            { Status: null } => new BrokerAck(AckStatus.NoAnswer, "NO_ANSWER", reply.Faults),
            { Status: HttpStatusCode.NotFound } => new BrokerAck(AckStatus.Rejected, "UNKNOWN_ORDER", reply.Faults),
            // A retried cancel whose first attempt landed finds the order cancelled: that is the outcome asked for.
            _ when reply.Faults.Count > 0 && (await Find(clientOrderId))?.LedgerStatus == OrderStatus.Cancelled =>
                new BrokerAck(AckStatus.Accepted, null, reply.Faults),
            _ => new BrokerAck(AckStatus.Rejected, $"HTTP {(int)reply.Status!}: {reply.Message}", reply.Faults),
        };
    }

    public async Task<IReadOnlyDictionary<string, BrokerOrderView?>> AwaitCancels(IReadOnlyCollection<string> clientOrderIds)
    {
        // Bounded by elapsed time on a stopwatch (a latency budget, not market logic).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var views = await Current(clientOrderIds);
            if (views.Values.All(v => v is not { Status: OrderStatus.Working }) || waited.Elapsed >= options.CancelWait)
                return views;
            await Task.Delay(options.PollInterval);
        }
    }

    public Task<IReadOnlyList<BrokerFill>> ReadFills(DateTimeOffset at) => NewFills(at);

    /// <summary>The venue's view of each order, from one list call where it can (one query per order otherwise).</summary>
    async Task<Dictionary<string, BrokerOrderView?>> Current(IReadOnlyCollection<string> clientOrderIds)
    {
        var since = clientOrderIds.Select(id => known.GetValueOrDefault(id)?.CreatedAt).Where(t => t is not null).Min();
        var index = since is null ? null : await List(since.Value.AddHours(-1));
        var views = new Dictionary<string, BrokerOrderView?>(StringComparer.Ordinal);
        foreach (var id in clientOrderIds.Distinct())
        {
            var order = index is null ? await Find(id) : Resolve(id, index) ?? await Find(id);
            views[id] = order is null ? null : new BrokerOrderView(id, order.LedgerStatus, order.Qty ?? 0, order.FilledQty);
        }
        return views;
    }

    public async Task<BrokerAck> Amend(string clientOrderId, decimal? newQty, decimal? newStopPrice)
    {
        var order = await Find(clientOrderId);
        if (order is not { LedgerStatus: OrderStatus.Working })
            return new BrokerAck(AckStatus.Rejected, "NOT_WORKING");
        if (newQty == order.Qty)
            newQty = null;
        // Alpaca replaces only limit_price and stop_price on the legs of an OCO (its trading/orders.md, "OCO Orders").
        if (newQty is not null && order.OrderClass == "oco")
            return new BrokerAck(AckStatus.Rejected, "QTY_NOT_REPLACEABLE_ON_OCO");
        var reply = await client.Send(HttpMethod.Patch, $"v2/orders/{order.Id}", new AlpacaReplace(newQty, newStopPrice), $"replace {clientOrderId}");
        if (reply.Status is null)
            return new BrokerAck(AckStatus.NoAnswer, "NO_ANSWER", reply.Faults);
        // A refusal after a faulted attempt may be the venue refusing a copy of a replace that landed: look.
        if (!reply.Ok && !(reply.ClientError && reply.Faults.Count > 0))
            return new BrokerAck(AckStatus.Rejected, $"HTTP {(int)reply.Status}: {reply.Code} {reply.Message}", reply.Faults);
        // The venue carries the replace out a moment later (pending_replace), or rejects it then (order_replace_rejected):
        // only the order it ends with tells.
        var now = await AwaitReplace(clientOrderId);
        return now is { LedgerStatus: OrderStatus.Working } && (newQty is null || now.Qty == newQty) && (newStopPrice is null || now.StopPrice == newStopPrice)
            ? new BrokerAck(AckStatus.Accepted, null, reply.Faults)
            : new BrokerAck(AckStatus.Rejected, now is { Status: "pending_replace" } ? "REPLACE_PENDING" : "REPLACE_REJECTED", reply.Faults);
    }

    /// <summary>The order as it stands once no replace of it is pending any more (bounded by <see cref="AlpacaOptions.CancelWait"/>).</summary>
    async Task<AlpacaOrder?> AwaitReplace(string clientOrderId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var order = await Find(clientOrderId);
            if (order is not { Status: "pending_replace" or "pending_new" } || waited.Elapsed >= options.CancelWait)
                return order;
            await Task.Delay(options.PollInterval);
        }
    }

    public async Task<BrokerOrderView?> Query(string clientOrderId) =>
        await Find(clientOrderId) is { } o ? new BrokerOrderView(clientOrderId, o.LedgerStatus, o.Qty ?? 0, o.FilledQty) : null;

    public Task<IReadOnlyList<BrokerFill>> OnBars(DateTimeOffset minute, IReadOnlyList<Bar> bars) => NewFills(minute);

    public async Task<IReadOnlyList<BrokerFill>> FillMarketOrdersNow(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset at)
    {
        // The venue fills market orders itself: wait until none of ours is still open, bounded by elapsed time
        // (a latency budget measured on a stopwatch, not a time of day: market logic never reads a clock).
        var fills = new List<BrokerFill>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            fills.AddRange(await NewFills(at));
            if (!known.Values.Any(k => k is { Done: false, Type: OrderType.Market }) || waited.Elapsed >= options.FlattenWait)
                return fills;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// What the venue filled beyond what the ledger knows, per open order, in time then id order; after it, the
    /// ledger's figures here are the venue's (the engine applies these fills to the ledger in the same step).
    /// </summary>
    async Task<IReadOnlyList<BrokerFill>> NewFills(DateTimeOffset at)
    {
        var open = known.Values.Where(k => !k.Done).ToList();
        if (open.Count == 0)
            return [];
        var index = await List(open.Min(k => k.CreatedAt).AddHours(-1));
        var fills = new List<BrokerFill>();
        foreach (var k in open)
        {
            var order = index is null ? await Find(k.ClientOrderId) : Resolve(k.ClientOrderId, index) ?? await Find(k.ClientOrderId);
            if (order is null)
                continue;
            if (order.FilledQty > k.FilledQty)
            {
                var qty = order.FilledQty - k.FilledQty;
                var price = Math.Round(((order.FilledAvgPrice ?? 0) * order.FilledQty - (k.AvgFillPrice ?? 0) * k.FilledQty) / qty, 4);
                // The venue's figures are checked here, where they are read: a fraction of a share or no price
                // throws with the order named, before the ledger takes any of it.
                if (!Quantity.TryCreate(qty, out var shares) || !Price.TryCreate(price, out var fillPrice))
                    throw new InvalidOperationException(
                        $"the venue reports {qty.ToString(CultureInfo.InvariantCulture)} more shares filled at {price.ToString(CultureInfo.InvariantCulture)} for {k.ClientOrderId}: a fill is whole shares at a price > 0");
                fills.Add(new BrokerFill(k.ClientOrderId, shares, fillPrice, order.FilledAt ?? order.UpdatedAt ?? at));
                (k.FilledQty, k.AvgFillPrice) = (order.FilledQty, order.FilledAvgPrice);
            }
            k.Done = order.LedgerStatus != OrderStatus.Working;
        }
        return fills.OrderBy(f => f.At).ThenBy(f => f.ClientOrderId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The venue's orders since <paramref name="after"/> by venue id, legs included; null when there are more than one call returns.</summary>
    async Task<Dictionary<string, AlpacaOrder>?> List(DateTimeOffset after)
    {
        var since = Uri.EscapeDataString(after.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var reply = await client.Send(HttpMethod.Get, $"v2/orders?status=all&nested=true&direction=asc&limit={ListLimit}&after={since}", null, "list orders");
        if (!reply.Ok)
            throw Unavailable("list orders", reply);
        var orders = reply.Read<List<AlpacaOrder>>();
        if (orders.Count >= ListLimit)
            return null;
        var byId = new Dictionary<string, AlpacaOrder>(StringComparer.Ordinal);
        foreach (var o in orders.SelectMany(o => (o.Legs ?? []).Prepend(o)))
            byId[o.Id] = o;
        return byId;
    }

    /// <summary>The venue's current order for a ledger id, from a listed index (following legs and replacements).</summary>
    AlpacaOrder? Resolve(string clientOrderId, Dictionary<string, AlpacaOrder> byId)
    {
        var parentId = stopParents.GetValueOrDefault(clientOrderId);
        var order = Latest(byId.Values.FirstOrDefault(o => o.ClientOrderId == (parentId ?? clientOrderId)), byId);
        if (parentId is not null)
            order = Latest(StopLeg(order), byId);
        return order is { Status: "replaced" } ? null : order;
    }

    static AlpacaOrder? Latest(AlpacaOrder? order, Dictionary<string, AlpacaOrder> byId)
    {
        while (order is { Status: "replaced", ReplacedBy: { } next } && byId.TryGetValue(next, out var replacement))
            order = replacement;
        return order;
    }

    /// <summary>
    /// The stop-loss of an OCO parent, found by its role: the parent's own leg, whatever its type (Alpaca turns a
    /// buy stop into a stop_limit, so a short's stop is not of type "stop"); a leg replaced meanwhile is passed over.
    /// </summary>
    static AlpacaOrder? StopLeg(AlpacaOrder? parent) => parent?.Legs?.Where(l => l.Status != "replaced").LastOrDefault() ?? parent?.Legs?.LastOrDefault();

    /// <summary>The venue's current order for a ledger id, read by client order id (following legs and replacements); null if the venue never had it.</summary>
    async Task<AlpacaOrder?> Find(string clientOrderId)
    {
        var byClientId = stopParents.GetValueOrDefault(clientOrderId) ?? clientOrderId;
        var reply = await client.Send(HttpMethod.Get, $"v2/orders:by_client_order_id?client_order_id={Uri.EscapeDataString(byClientId)}&nested=true", null, $"query {clientOrderId}");
        if (reply.Status == HttpStatusCode.NotFound)
            return null;
        if (!reply.Ok)
            throw Unavailable($"query {clientOrderId}", reply);
        // A stop leg is reached through its parent, which may have been replaced (its legs move to the replacement).
        var order = await FollowReplacements(reply.Read<AlpacaOrder>(), clientOrderId);
        return byClientId == clientOrderId ? order : await FollowReplacements(StopLeg(order), clientOrderId);
    }

    async Task<AlpacaOrder?> FollowReplacements(AlpacaOrder? order, string clientOrderId)
    {
        while (order is { Status: "replaced", ReplacedBy: { } next })
        {
            var hop = await client.Send(HttpMethod.Get, $"v2/orders/{Uri.EscapeDataString(next)}?nested=true", null, $"query {clientOrderId} (replaced)");
            if (!hop.Ok)
                throw Unavailable($"query {clientOrderId}", hop);
            order = hop.Read<AlpacaOrder>();
        }
        return order;
    }

    static BrokerUnavailableException Unavailable(string what, AlpacaClient.Reply reply) => new(reply.Status is null
        ? $"Alpaca did not answer {what}: {string.Join("; ", reply.Faults)}"
        : $"Alpaca refused {what}: HTTP {(int)reply.Status} {reply.Message}");

    static string Side(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}
