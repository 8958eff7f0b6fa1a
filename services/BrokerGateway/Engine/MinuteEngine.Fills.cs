using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>Applies one broker fill to the ledger: order, trade, position, then the bracket's state machine.</summary>
    void OnFill(Book book, BrokerFill fill)
    {
        if (!book.Orders.TryGetValue(fill.ClientOrderId, out var order) || !book.Brackets.TryGetValue(order.ExecutionId, out var bracket))
        {
            Raise(book, fill.At, "UNKNOWN_FILL", "CRITICAL", null, null, "broker", new { fill.ClientOrderId, fill.Qty, fill.Price });
            return;
        }
        var total = order.FilledQty + fill.Qty;
        order.AvgFillPrice = ((order.AvgFillPrice ?? 0) * order.FilledQty + fill.Price * fill.Qty) / total;
        order.FilledQty = total;
        if (order.FilledQty >= order.Qty)
            order.Status = OrderStatus.Filled;
        order.Dirty = true;

        var position = book.Position(order.Ticker);
        var realized = position.Apply(order.Side, fill.Qty, fill.Price, fill.At);
        position.OcoGroup = position.Qty == 0 ? null : bracket.OcoGroup;
        bracket.RealizedPnl += realized;
        bracket.Dirty = true;
        // The cumulative filled quantity grows with every fill of the order: a unique, replay-stable trade id.
        var tradeId = $"{order.ClientOrderId}-{order.FilledQty.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        book.NewTrades.Add(new TradeRecord(tradeId, order.ClientOrderId, order.ExecutionId, order.Ticker, order.Side, order.Role, fill.Qty, fill.Price, fill.At, order.ExecutionMode));
        book.Outgoing.Add(new OrderFilled
        {
            ClientOrderId = order.ClientOrderId, ExecutionId = order.ExecutionId, Ticker = order.Ticker, LegRole = Names.Of(order.Role),
            Side = Names.Of(order.Side), Qty = fill.Qty, Price = fill.Price, FilledAt = fill.At, ExecutionMode = order.ExecutionMode,
        });

        switch (order.Role)
        {
            case LegRole.Entry: OnEntryFill(book, bracket, order, fill); break;
            case LegRole.Stop or LegRole.Target: OnChildFill(book, bracket, order, fill); break;
            case LegRole.Exit when order.Status == OrderStatus.Filled: Transition(book, bracket, BracketEvent.ExitFilled, fill.At); Close(book, bracket, order, bracket.ExitReason ?? "EXIT", fill.At); break;
        }
    }

    void OnEntryFill(Book book, Bracket bracket, OrderRecord entry, BrokerFill fill)
    {
        bracket.FilledQty = entry.FilledQty;
        bracket.AvgEntryPrice = entry.AvgFillPrice;
        bracket.EntryFilledAt ??= fill.At;
        var complete = entry.Status == OrderStatus.Filled;
        if (!Transition(book, bracket, complete ? BracketEvent.EntryFilled : BracketEvent.EntryPartiallyFilled, fill.At))
            return;
        ProtectFilledQty(book, bracket, fill.At.AddMinutes(1));
    }

    /// <summary>Places the OCO legs sized to the filled quantity, or resizes them after a further partial fill.</summary>
    void ProtectFilledQty(Book book, Bracket bracket, DateTimeOffset eligibleFrom)
    {
        foreach (var role in new[] { LegRole.Stop, LegRole.Target })
        {
            var leg = book.Order(bracket, role);
            if (leg is null)
            {
                leg = NewOrder(bracket, role, bracket.ExitSide, bracket.FilledQty, role == LegRole.Stop ? OrderType.Stop : OrderType.Limit, eligibleFrom);
                book.Orders[leg.ClientOrderId] = leg;
                if (broker.Submit(leg).Status != AckStatus.Accepted)
                    Raise(book, eligibleFrom, "LEG_NOT_ACCEPTED", "CRITICAL", bracket.Ticker, bracket.ExecutionId, "broker", new { leg.ClientOrderId });
            }
            else if (leg.Status == OrderStatus.Working && leg.Qty != bracket.FilledQty)
            {
                if (broker.Amend(leg.ClientOrderId, bracket.FilledQty, null).Status == AckStatus.Accepted)
                {
                    leg.Qty = bracket.FilledQty;
                    leg.Dirty = true;
                }
            }
        }
    }

    /// <summary>
    /// A stop or target filled: the sibling is cancelled in the same step (the venue's OCO normally already did;
    /// a cancel refused because the sibling filled too is a double fill, raised as critical), and an entry
    /// remainder is cancelled so the bracket cannot re-open a position nobody protects.
    /// </summary>
    void OnChildFill(Book book, Bracket bracket, OrderRecord child, BrokerFill fill)
    {
        if (child.Status != OrderStatus.Filled)
            return; // a partial leg fill (live venues): wait for the rest; the position shrinks meanwhile
        var siblingRole = child.Role == LegRole.Stop ? LegRole.Target : LegRole.Stop;
        if (book.Order(bracket, siblingRole) is { Status: OrderStatus.Working } sibling)
            CancelOrder(book, sibling, fill.At);
        if (book.Order(bracket, LegRole.Entry) is { Status: OrderStatus.Working } entry)
            CancelOrder(book, entry, fill.At);
        if (Transition(book, bracket, BracketEvent.ChildFilled, fill.At))
            Close(book, bracket, child, Names.Of(child.Role), fill.At);
    }

    /// <summary>Cancels at the broker and mirrors the outcome; a cancel that lost the race to a fill keeps the order as the broker reports it.</summary>
    void CancelOrder(Book book, OrderRecord order, DateTimeOffset at)
    {
        var ack = broker.Cancel(order.ClientOrderId);
        var view = ack.Status == AckStatus.Accepted ? null : broker.Query(order.ClientOrderId);
        if (ack.Status == AckStatus.Accepted || view is { Status: OrderStatus.Cancelled })
            order.Status = OrderStatus.Cancelled;
        else if (view is { Status: OrderStatus.Filled })
            Raise(book, at, "CANCEL_LOST_RACE", "CRITICAL", order.Ticker, order.ExecutionId, "broker", new { order.ClientOrderId });
        else if (view is null)
            order.Status = OrderStatus.Cancelled; // the broker never had it
        order.Dirty = true;
    }

    void Close(Book book, Bracket bracket, OrderRecord exitOrder, string reason, DateTimeOffset at)
    {
        bracket.ExitPrice = exitOrder.AvgFillPrice;
        bracket.ExitReason = reason;
        bracket.ClosedAt = at;
        bracket.Dirty = true;
        book.Outgoing.Add(new BracketClosed
        {
            ExecutionId = bracket.ExecutionId, Ticker = bracket.Ticker, ExitReason = reason, FilledQty = bracket.FilledQty,
            EntryPrice = bracket.AvgEntryPrice, ExitPrice = bracket.ExitPrice, RealizedPnl = bracket.RealizedPnl, ClosedAt = at,
        });
    }

    /// <summary>Runs the state machine; an illegal event is refused and raised, never applied.</summary>
    bool Transition(Book book, Bracket bracket, BracketEvent e, DateTimeOffset at)
    {
        if (BracketStateMachine.Next(bracket.State, e) is not { } next)
        {
            Raise(book, at, "ILLEGAL_TRANSITION", "CRITICAL", bracket.Ticker, bracket.ExecutionId, "engine", new { state = Names.Of(bracket.State), @event = e.ToString() });
            return false;
        }
        bracket.State = next;
        bracket.Dirty = true;
        return true;
    }

    OrderRecord NewOrder(Bracket b, LegRole role, OrderSide side, decimal qty, OrderType type, DateTimeOffset eligibleFrom) => new()
    {
        ClientOrderId = b.Id(role), ExecutionId = b.ExecutionId, Role = role, Ticker = b.Ticker, Side = side, Qty = qty, Type = type,
        ParentClientOrderId = role == LegRole.Entry ? null : b.Id(LegRole.Entry),
        OcoGroup = role is LegRole.Stop or LegRole.Target ? b.OcoGroup : null,
        StopPrice = role == LegRole.Stop ? b.StopPrice : null, LimitPrice = role == LegRole.Target ? b.TargetPrice : null,
        ConfigSha = b.ConfigSha, ExecutionMode = b.ExecutionMode, EligibleFrom = eligibleFrom, CreatedAt = eligibleFrom.AddMinutes(-1),
    };
}
