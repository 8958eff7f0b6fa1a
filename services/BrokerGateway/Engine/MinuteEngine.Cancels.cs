using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>
    /// Cancels at the broker and mirrors the outcome once the broker has carried it out: a venue answers a cancel at
    /// once and completes it a moment later, so an accepted cancel is waited for (bounded) before the order is marked
    /// cancelled. Returns true when it is cancelled; false when a fill came first (the order stays working so that
    /// its fill is read and booked) or the cancel is still pending.
    /// </summary>
    async Task<bool> CancelOrder(Book book, OrderRecord order, DateTimeOffset at)
    {
        var ack = Noted(book, await broker.Cancel(order.ClientOrderId), "cancel", order, at);
        var view = ack.Status == AckStatus.Accepted
            ? (await broker.AwaitCancels([order.ClientOrderId])).GetValueOrDefault(order.ClientOrderId)
            : await broker.Query(order.ClientOrderId);
        return Mirror(book, order, ack, view, at);
    }

    /// <summary>
    /// Cancels <paramref name="orders"/> together, waits for the broker to carry the cancels out, then reads and books
    /// the fills that raced them. Called outside any bracket transition, so a raced leg fill closes its bracket
    /// through the saga before anyone decides to exit at market (the kill switch, end of day, max hold): the exit
    /// is then sent only for what is still held, and only once the shares are free at the venue.
    /// </summary>
    async Task SettleCancels(Book book, IReadOnlyList<OrderRecord> orders, DateTimeOffset at)
    {
        if (orders.Count == 0)
            return;
        var asked = new List<OrderRecord>();
        foreach (var order in orders)
        {
            var ack = Noted(book, await broker.Cancel(order.ClientOrderId), "cancel", order, at);
            if (ack.Status == AckStatus.Accepted)
                asked.Add(order);
            else
                Mirror(book, order, ack, await broker.Query(order.ClientOrderId), at);
        }
        var views = await broker.AwaitCancels(asked.Select(o => o.ClientOrderId).ToList());
        foreach (var order in asked)
            Mirror(book, order, BrokerAck.Ok, views.GetValueOrDefault(order.ClientOrderId), at);
        foreach (var fill in await broker.ReadFills(at))
            await OnFill(book, fill);
    }

    /// <summary>The ledger follows the broker's view after a cancel; a fill the ledger has not booked keeps the order working.</summary>
    static bool Mirror(Book book, OrderRecord order, BrokerAck ack, BrokerOrderView? view, DateTimeOffset at)
    {
        order.Dirty = true;
        if (view is null)
        {
            if (ack.Status == AckStatus.Accepted)
            {
                Raise(book, at, "CANCEL_PENDING", Severity.Warn, order.Ticker, order.ExecutionId, "broker", new { order.ClientOrderId, venue = "unknown" });
                return false;
            }
            order.Status = OrderStatus.Cancelled; // the broker never had it
            return true;
        }
        if (view.FilledQty > order.FilledQty)
        {
            Raise(book, at, "CANCEL_LOST_RACE", view.Status == OrderStatus.Filled ? Severity.Critical : Severity.Warn, order.Ticker, order.ExecutionId, "broker",
                new { order.ClientOrderId, filledAtVenue = view.FilledQty, filledInLedger = order.FilledQty });
            return false;
        }
        if (view.Status == OrderStatus.Cancelled)
        {
            order.Status = OrderStatus.Cancelled;
            return true;
        }
        if (view.Status == OrderStatus.Working && ack.Status == AckStatus.Accepted)
            Raise(book, at, "CANCEL_PENDING", Severity.Warn, order.Ticker, order.ExecutionId, "broker", new { order.ClientOrderId });
        return false;
    }
}
