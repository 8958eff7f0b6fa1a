using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;

namespace Tradewire.BrokerGateway.Broker;

/// <summary>
/// Deterministic simulated broker on market time (bars only, never the wall clock). Rules:
/// market orders fill at the open of the first bar at or after <see cref="OrderRecord.EligibleFrom"/>, worse by
/// the slippage; stops and targets fill when a later bar's range crosses them, at the open when the bar gaps
/// through (the worse price for a stop, the better one for a target); when one bar touches both legs of an OCO
/// pair the stop fills first (we cannot know the path inside the bar, so assume the worst). Market entries can
/// be capped to a share of the bar's volume, which produces partial fills.
/// </summary>
public sealed class PaperBroker(PaperBrokerOptions options) : IBroker
{
    readonly Dictionary<string, OrderRecord> orders = new(StringComparer.Ordinal);

    public ExecutionMode ExecutionMode => ExecutionMode.Paper;

    /// <summary>A paper venue holding <paramref name="working"/> (the ledger's working orders: its state between steps).</summary>
    public static PaperBroker With(PaperBrokerOptions options, IEnumerable<OrderRecord> working)
    {
        var broker = new PaperBroker(options);
        foreach (var order in working)
            broker.Restore(order);
        return broker;
    }

    /// <summary>Re-attaches an order known from the ledger (the paper broker's state lives in <c>orders</c>).</summary>
    public void Restore(OrderRecord order) => orders[order.ClientOrderId] = order.Clone();

    // The paper venue answers at once: each call is its synchronous rule wrapped in a completed task.
    public Task<BrokerAck> Submit(OrderRecord order) => Task.FromResult(Place(order));

    public Task<BrokerAck> SubmitOco(OrderRecord stop, OrderRecord target)
    {
        var ack = Place(stop);
        return Task.FromResult(ack.Status == AckStatus.Accepted ? Place(target) : ack);
    }

    public Task<BrokerAck> Cancel(string clientOrderId) => Task.FromResult(CancelNow(clientOrderId));

    // The paper venue cancels at once, and fills only on bars.
    public Task<IReadOnlyDictionary<string, BrokerOrderView?>> AwaitCancels(IReadOnlyCollection<string> clientOrderIds) =>
        Task.FromResult<IReadOnlyDictionary<string, BrokerOrderView?>>(clientOrderIds.Distinct().ToDictionary(id => id, View, StringComparer.Ordinal));

    public Task<IReadOnlyList<BrokerFill>> ReadFills(DateTimeOffset at) => Task.FromResult<IReadOnlyList<BrokerFill>>([]);

    public Task<BrokerAck> Amend(string clientOrderId, decimal? newQty, decimal? newStopPrice) =>
        Task.FromResult(AmendNow(clientOrderId, newQty, newStopPrice));

    public Task<BrokerOrderView?> Query(string clientOrderId) => Task.FromResult(View(clientOrderId));

    public Task<IReadOnlyList<BrokerFill>> OnBars(DateTimeOffset minute, IReadOnlyList<Bar> bars) => Task.FromResult(Match(minute, bars));

    public Task<IReadOnlyList<BrokerFill>> FillMarketOrdersNow(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset at) =>
        Task.FromResult(FillAt(prices, at));

    BrokerAck Place(OrderRecord order)
    {
        if (orders.TryGetValue(order.ClientOrderId, out var existing))
            return existing.Status == OrderStatus.Rejected ? new BrokerAck(AckStatus.Rejected, "DUPLICATE") : BrokerAck.Ok;
        if (order.Qty <= 0)
            return new BrokerAck(AckStatus.Rejected, "QTY_NOT_POSITIVE");
        // The venue keeps its own copy: the ledger learns of fills and cancels only through fills and queries.
        orders[order.ClientOrderId] = order.Clone();
        return BrokerAck.Ok;
    }

    BrokerAck CancelNow(string clientOrderId)
    {
        if (!orders.TryGetValue(clientOrderId, out var order))
            return new BrokerAck(AckStatus.Rejected, "UNKNOWN_ORDER");
        if (order.Status != OrderStatus.Working)
            return new BrokerAck(AckStatus.Rejected, "NOT_WORKING");
        order.Status = OrderStatus.Cancelled;
        order.Dirty = true;
        return BrokerAck.Ok;
    }

    BrokerAck AmendNow(string clientOrderId, decimal? newQty, decimal? newStopPrice)
    {
        if (!orders.TryGetValue(clientOrderId, out var order) || order.Status != OrderStatus.Working)
            return new BrokerAck(AckStatus.Rejected, "NOT_WORKING");
        if (newQty is { } q && q <= order.FilledQty)
            return new BrokerAck(AckStatus.Rejected, "NOT_ABOVE_FILLED");
        order.Qty = newQty ?? order.Qty;
        order.StopPrice = newStopPrice ?? order.StopPrice;
        order.Dirty = true;
        return BrokerAck.Ok;
    }

    BrokerOrderView? View(string clientOrderId) =>
        orders.TryGetValue(clientOrderId, out var o) ? new BrokerOrderView(o.ClientOrderId, o.Status, o.Qty, o.FilledQty) : null;

    IReadOnlyList<BrokerFill> Match(DateTimeOffset minute, IReadOnlyList<Bar> bars)
    {
        var fills = new List<BrokerFill>();
        var bySymbol = bars.ToDictionary(b => b.Symbol, StringComparer.Ordinal);
        // Ordinal order of ids: deterministic whatever the load order.
        foreach (var order in orders.Values.Where(o => o.Status == OrderStatus.Working && o.EligibleFrom <= minute)
                     .OrderBy(o => o.ClientOrderId, StringComparer.Ordinal).ToList())
        {
            if (order.Status != OrderStatus.Working || !bySymbol.TryGetValue(order.Ticker, out var bar))
                continue;
            if (order.Type == OrderType.Market)
                Fill(order, MarketQty(order, bar), Slipped(order.Side, bar.Open), bar, fills);
            else if (order.Type == OrderType.Stop && StopPrice(order, bar) is { } stopPx)
            {
                Fill(order, order.Remaining, stopPx, bar, fills);
                CancelSibling(order);
            }
            else if (order.Type == OrderType.Limit && !SiblingStopTriggers(order, bar) && LimitPrice(order, bar) is { } limitPx)
            {
                Fill(order, order.Remaining, limitPx, bar, fills);
                CancelSibling(order);
            }
        }
        return fills;
    }

    IReadOnlyList<BrokerFill> FillAt(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset at)
    {
        var fills = new List<BrokerFill>();
        foreach (var order in orders.Values.Where(o => o.Status == OrderStatus.Working && o.Type == OrderType.Market)
                     .OrderBy(o => o.ClientOrderId, StringComparer.Ordinal).ToList())
            if (prices.TryGetValue(order.Ticker, out var price))
                Fill(order, order.Remaining, Slipped(order.Side, price), at, fills);
        return fills;
    }

    decimal MarketQty(OrderRecord order, Bar bar)
    {
        if (order.Role != LegRole.Entry || options.ParticipationCap is not > 0m)
            return order.Remaining;
        var cap = Math.Floor(bar.Volume * options.ParticipationCap.Value);
        return Math.Min(order.Remaining, cap);
    }

    decimal Slipped(OrderSide side, decimal open)
    {
        var factor = options.SlippageBps / 10_000m;
        return Math.Round(side == OrderSide.Buy ? open * (1 + factor) : open * (1 - factor), 4);
    }

    /// <summary>A sell stop triggers when the low reaches it and fills at the lower of open and stop (gap down).</summary>
    static decimal? StopPrice(OrderRecord o, Bar bar) => o.Side == OrderSide.Sell
        ? bar.Low <= o.StopPrice ? Math.Min(bar.Open, o.StopPrice!.Value) : null
        : bar.High >= o.StopPrice ? Math.Max(bar.Open, o.StopPrice!.Value) : null;

    /// <summary>A sell limit fills when the high reaches it, at the higher of open and limit (gap up is in our favour).</summary>
    static decimal? LimitPrice(OrderRecord o, Bar bar) => o.Side == OrderSide.Sell
        ? bar.High >= o.LimitPrice ? Math.Max(bar.Open, o.LimitPrice!.Value) : null
        : bar.Low <= o.LimitPrice ? Math.Min(bar.Open, o.LimitPrice!.Value) : null;

    bool SiblingStopTriggers(OrderRecord target, Bar bar) =>
        Sibling(target) is { Type: OrderType.Stop, Status: OrderStatus.Working } stop && stop.EligibleFrom <= bar.Minute
        && StopPrice(stop, bar) is not null;

    OrderRecord? Sibling(OrderRecord order) => order.OcoGroup is null ? null
        : orders.Values.FirstOrDefault(o => o.OcoGroup == order.OcoGroup && o.ClientOrderId != order.ClientOrderId
                                            && o.Role is LegRole.Stop or LegRole.Target);

    // OCO at the venue: one leg's fill cancels the other atomically.
    void CancelSibling(OrderRecord filled)
    {
        if (Sibling(filled) is { Status: OrderStatus.Working } sibling)
        {
            sibling.Status = OrderStatus.Cancelled;
            sibling.Dirty = true;
        }
    }

    static void Fill(OrderRecord order, decimal qty, decimal price, Bar bar, List<BrokerFill> fills) =>
        Fill(order, qty, price, bar.Minute, fills);

    static void Fill(OrderRecord order, decimal qty, decimal price, DateTimeOffset at, List<BrokerFill> fills)
    {
        if (qty <= 0)
            return;
        var fill = new BrokerFill(order.ClientOrderId, Quantity.ToOrder(qty), Price.Of(price), at);
        order.ApplyFill(fill.Qty, fill.Price);
        fills.Add(fill);
    }
}
