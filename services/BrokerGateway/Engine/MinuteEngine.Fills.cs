using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>Applies one broker fill to the ledger: order, trade, position, then the bracket's state machine.</summary>
    async Task OnFill(Book book, BrokerFill fill)
    {
        if (!book.Orders.TryGetValue(fill.ClientOrderId, out var order) || !book.Brackets.TryGetValue(order.ExecutionId, out var bracket))
        {
            Raise(book, fill.At, "UNKNOWN_FILL", Severity.Critical, null, null, "broker", new { fill.ClientOrderId, Qty = (decimal)fill.Qty, Price = (decimal)fill.Price });
            return;
        }
        order.ApplyFill(fill.Qty, fill.Price);

        var position = book.Position(order.Ticker);
        var realized = position.Apply(order.Side, fill.Qty, fill.Price, fill.At);
        log.LogInformation("Fill {ClientOrderId}: {Role} {Side} {Qty} {Ticker} at {Price} ({At:O}); position {Position}, realized {Realized}",
            order.ClientOrderId, Wire.Name(order.Role), Wire.Name(order.Side), fill.Qty, order.Ticker, fill.Price, fill.At, position.Qty, realized);
        position.OcoGroup = position.Qty == 0 ? null : book.Order(bracket, LegRole.Target)?.OcoGroup ?? bracket.OcoGroup;
        bracket.RealizedPnl += realized;
        bracket.Dirty = true;
        // The cumulative filled quantity grows with every fill of the order: a unique, replay-stable trade id.
        var tradeId = $"{order.ClientOrderId}-{order.FilledQty.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        book.NewTrades.Add(new TradeRecord(tradeId, order.ClientOrderId, order.ExecutionId, order.Ticker, order.Side, order.Role, fill.Qty, fill.Price, fill.At, order.ExecutionMode));
        book.Outgoing.Add(new OrderFilled
        {
            ClientOrderId = order.ClientOrderId, ExecutionId = order.ExecutionId, Ticker = order.Ticker, LegRole = Wire.Name(order.Role),
            Side = order.Side, Qty = fill.Qty, Price = fill.Price, FilledAt = fill.At, ExecutionMode = order.ExecutionMode,
        });

        switch (order.Role)
        {
            case LegRole.Entry:
                bracket.FilledQty = order.FilledQty;
                bracket.AvgEntryPrice = order.AvgFillPrice;
                bracket.EntryFilledAt ??= fill.At;
                // Legs placed now work from the next bar on.
                await Apply(book, order.Status == OrderStatus.Filled
                    ? new BracketEntryFilled(bracket.ExecutionId, fill.At, fill.At.AddMinutes(1))
                    : new BracketEntryPartiallyFilled(bracket.ExecutionId, fill.At, fill.At.AddMinutes(1)));
                break;
            // A leg sized to an earlier, smaller filled quantity (it filled while its pair was being cancelled to be
            // placed again for more) leaves shares that nothing protects: its exit condition was met, so they exit at
            // market, and the bracket closes on that exit with the leg's reason.
            case LegRole.Stop or LegRole.Target when order.Status == OrderStatus.Filled && Held(book, bracket) > 0 && Protecting(bracket):
                await Apply(book, new BracketExitRequested(bracket.ExecutionId, fill.At, Wire.Name(order.Role), fill.At.AddMinutes(1)));
                break;
            // A partial leg fill (live venues) waits for the rest; the position shrinks meanwhile.
            case LegRole.Stop or LegRole.Target when order.Status == OrderStatus.Filled:
                await Apply(book, new BracketChildFilled(bracket.ExecutionId, fill.At, order.ClientOrderId));
                break;
            case LegRole.Exit when order.Status == OrderStatus.Filled:
                await Apply(book, new BracketExitFilled(bracket.ExecutionId, fill.At, order.ClientOrderId));
                break;
        }
    }

    /// <summary>
    /// Places the OCO legs sized to the filled quantity (one OCO pair at the broker), or resizes them after a further
    /// partial fill where the broker can. Where it cannot (<see cref="IBroker.ResizesOcoLegs"/>), the pair is placed
    /// again by <see cref="ResizeProtection"/> right after this transition, since its cancel may race a leg fill.
    /// </summary>
    async Task ProtectFilledQty(Book book, Bracket bracket, DateTimeOffset eligibleFrom)
    {
        var stop = book.Order(bracket, LegRole.Stop);
        var target = book.Order(bracket, LegRole.Target);
        if (stop is null && target is null)
        {
            await PlacePair(book, bracket, 0, eligibleFrom, eligibleFrom);
            return;
        }
        if (!broker.ResizesOcoLegs)
            return;
        foreach (var role in new[] { LegRole.Stop, LegRole.Target })
        {
            var leg = book.Order(bracket, role);
            if (leg is null)
            {
                // Only one leg on the ledger (an older book): the missing one is placed on its own.
                leg = NewLeg(book, bracket, role, eligibleFrom);
                var ack = Noted(book, await broker.Submit(leg), "submit", leg, eligibleFrom);
                if (ack.Status != AckStatus.Accepted)
                    Raise(book, eligibleFrom, "LEG_NOT_ACCEPTED", Severity.Critical, bracket.Ticker, bracket.ExecutionId, "broker", new { leg.ClientOrderId, ack = Wire.Name(ack.Status), ack.Reason });
            }
            else if (leg.Status == OrderStatus.Working && leg.Qty != bracket.FilledQty
                     && Noted(book, await broker.Amend(leg.ClientOrderId, bracket.FilledQty, null), "amend", leg, eligibleFrom).Status == AckStatus.Accepted)
            {
                leg.Qty = bracket.FilledQty;
                leg.Dirty = true;
            }
        }
    }

    /// <summary>
    /// A stop the market has already crossed (the bar that filled the entry closed through it) is refused by the
    /// venue: it is placed at the nearest price the venue takes, a cent inside the last price, and noted.
    /// </summary>
    static void ClampToMarket(Book book, Bracket bracket, OrderRecord stop, DateTimeOffset at)
    {
        if (stop.StopPrice is not { } asked || book.Marks.GetValueOrDefault(bracket.Ticker) is not { LastPrice: > 0 } mark)
            return;
        var clamped = Price.ClampStop(Price.OnTick(asked, stop.Side), mark.LastPrice, stop.Side);
        if (clamped.Value == asked)
            return;
        stop.StopPrice = clamped;
        Raise(book, at, "STOP_CLAMPED_TO_MARKET", Severity.Warn, bracket.Ticker, bracket.ExecutionId, "engine",
            new { asked, sent = clamped.Value, lastPrice = mark.LastPrice });
    }

    /// <summary>
    /// Places a stop and a target as one OCO pair at the broker for what the bracket holds, under the ids of its
    /// <paramref name="replacement"/>-th placing (0: the first). A pair the broker refused is not working.
    /// </summary>
    async Task PlacePair(Book book, Bracket bracket, int replacement, DateTimeOffset eligibleFrom, DateTimeOffset at)
    {
        var qty = Held(book, bracket);
        var stop = NewLeg(book, bracket, LegRole.Stop, eligibleFrom, qty, replacement);
        var target = NewLeg(book, bracket, LegRole.Target, eligibleFrom, qty, replacement);
        ClampToMarket(book, bracket, stop, at);
        var ack = Noted(book, await broker.SubmitOco(stop, target), "submit_oco", stop, at);
        if (ack.Status == AckStatus.Accepted)
        {
            var position = book.Position(bracket.Ticker);
            (position.OcoGroup, position.Dirty) = (target.OcoGroup, true);
            return;
        }
        foreach (var leg in new[] { stop, target })
        {
            leg.Status = ack.Status == AckStatus.Rejected ? OrderStatus.Rejected : leg.Status;
            Raise(book, at, "LEG_NOT_ACCEPTED", Severity.Critical, bracket.Ticker, bracket.ExecutionId, "broker", new { leg.ClientOrderId, ack = Wire.Name(ack.Status), ack.Reason });
        }
    }

    OrderRecord NewLeg(Book book, Bracket bracket, LegRole role, DateTimeOffset eligibleFrom, decimal? qty = null, int replacement = 0)
    {
        var leg = NewOrder(bracket, role, bracket.ExitSide, qty ?? bracket.FilledQty, role == LegRole.Stop ? OrderType.Stop : OrderType.Limit, eligibleFrom, replacement);
        book.Orders[leg.ClientOrderId] = leg;
        return leg;
    }

    /// <summary>
    /// Records the faults the broker call met on its way (a 500 then a success, a timeout whose order turned out to
    /// exist) as a BROKER_FAULT warning, so a flaky venue shows even when no order was harmed; returns the ack.
    /// </summary>
    internal BrokerAck Noted(Book book, BrokerAck ack, string call, OrderRecord order, DateTimeOffset at)
    {
        // The order's intent and the broker's answer, one line per call (a refused one as a warning).
        log.Log(ack.Status == AckStatus.Accepted ? LogLevel.Information : LogLevel.Warning,
            "Broker {Call} {ClientOrderId}: {Role} {Side} {Qty} {Ticker} {Type} stop {StopPrice} limit {LimitPrice} ({Mode}) -> {Outcome} {Reason}",
            call, order.ClientOrderId, Wire.Name(order.Role), Wire.Name(order.Side), order.Qty, order.Ticker, Wire.Name(order.Type),
            order.StopPrice, order.LimitPrice, order.ExecutionMode, Wire.Name(ack.Status), ack.Reason);
        if (ack.Faults is { Count: > 0 } faults)
            Raise(book, at, "BROKER_FAULT", Severity.Warn, order.Ticker, order.ExecutionId, "broker",
                new { call, order.ClientOrderId, outcome = Wire.Name(ack.Status), ack.Reason, faults });
        return ack;
    }

    /// <summary>
    /// A stop or target filled: the sibling is cancelled in the same step (the venue's OCO normally already did;
    /// a cancel refused because the sibling filled too is a double fill, raised as critical), and an entry
    /// remainder is cancelled so the bracket cannot re-open a position nobody protects.
    /// </summary>
    async Task CloseOnChildFill(Book book, Bracket bracket, OrderRecord child, DateTimeOffset at)
    {
        var siblingRole = child.Role == LegRole.Stop ? LegRole.Target : LegRole.Stop;
        if (book.Order(bracket, siblingRole) is { Status: OrderStatus.Working } sibling)
            await CancelOrder(book, sibling, at);
        if (book.Order(bracket, LegRole.Entry) is { Status: OrderStatus.Working } entry)
            await CancelOrder(book, entry, at);
        Close(book, bracket, child, Wire.Name(child.Role), at);
    }

    /// <summary>Cancels the bracket's working orders except a market exit (legs, an entry remainder).</summary>
    async Task CancelWorking(Book book, Bracket bracket, DateTimeOffset at)
    {
        foreach (var order in book.OrdersOf(bracket).Where(o => o.Status == OrderStatus.Working && o.Role != LegRole.Exit).ToList())
            await CancelOrder(book, order, at);
    }

    /// <summary>Legs and entry remainder cancelled, then one market exit for the filled quantity (never a second one).</summary>
    async Task SubmitExit(Book book, Bracket bracket, string reason, DateTimeOffset eligibleFrom, DateTimeOffset at)
    {
        await CancelWorking(book, bracket, at);
        bracket.ExitReason = reason;
        bracket.Dirty = true;
        if (book.Order(bracket, LegRole.Exit) is not null)
            return;
        // What the legs sold before their cancel completed (a partial fill) is no longer held.
        var held = Held(book, bracket);
        if (held <= 0)
            return;
        var exit = NewOrder(bracket, LegRole.Exit, bracket.ExitSide, held, OrderType.Market, eligibleFrom);
        book.Orders[exit.ClientOrderId] = exit;
        var ack = Noted(book, await broker.Submit(exit), "submit", exit, at);
        if (ack.Status != AckStatus.Accepted)
            Raise(book, at, "EXIT_NOT_ACCEPTED", Severity.Critical, bracket.Ticker, bracket.ExecutionId, "engine", new { exit.ClientOrderId, ack = Wire.Name(ack.Status), ack.Reason });
    }

    static void Close(Book book, Bracket bracket, OrderRecord exitOrder, string reason, DateTimeOffset at)
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

    /// <summary>Raises <paramref name="e"/> on its bracket's saga; false when the saga refused it (raised as ILLEGAL_TRANSITION).</summary>
    Task<bool> Apply(Book book, IBracketEvent e) => lifecycle.Raise(new BookActions(this, book), e);

    /// <summary>The saga's actions carried out on this step's book and broker.</summary>
    sealed class BookActions(MinuteEngine engine, Book book) : IBracketActions
    {
        Bracket B(Guid id) => book.Brackets[id];

        public void Entered(Guid executionId, string state)
        {
            var bracket = B(executionId);
            bracket.State = Enum.Parse<BracketState>(state);
            bracket.Dirty = true;
        }

        public Task Protect(Guid executionId, DateTimeOffset eligibleFrom) => engine.ProtectFilledQty(book, B(executionId), eligibleFrom);

        public Task CloseOnChildFill(Guid executionId, string childClientOrderId, DateTimeOffset at) =>
            engine.CloseOnChildFill(book, B(executionId), book.Orders[childClientOrderId], at);

        public void CloseOnExitFill(Guid executionId, string exitClientOrderId, DateTimeOffset at)
        {
            var bracket = B(executionId);
            Close(book, bracket, book.Orders[exitClientOrderId], bracket.ExitReason ?? "EXIT", at);
        }

        public async Task CloseCancelled(Guid executionId, string reason, DateTimeOffset at)
        {
            var bracket = B(executionId);
            await engine.CancelWorking(book, bracket, at);
            Close(book, bracket, book.Order(bracket, LegRole.Entry)!, reason, at);
        }

        public void CloseRejected(Guid executionId, string reason, DateTimeOffset at) => MinuteEngine.CloseRejected(book, B(executionId), at, reason);

        public Task Exit(Guid executionId, string reason, DateTimeOffset eligibleFrom, DateTimeOffset at) =>
            engine.SubmitExit(book, B(executionId), reason, eligibleFrom, at);

        public void Refused(Guid executionId, string state, string eventName, DateTimeOffset at) =>
            Raise(book, at, "ILLEGAL_TRANSITION", Severity.Critical, book.Brackets.GetValueOrDefault(executionId)?.Ticker, executionId, "saga",
                new { state, @event = eventName });
    }

    OrderRecord NewOrder(Bracket b, LegRole role, OrderSide side, decimal qty, OrderType type, DateTimeOffset eligibleFrom, int replacement = 0) => new()
    {
        ClientOrderId = b.Id(role, replacement), ExecutionId = b.ExecutionId, Role = role, Ticker = b.Ticker, Side = side, Qty = qty, Type = type,
        ParentClientOrderId = role == LegRole.Entry ? null : b.Id(LegRole.Entry),
        OcoGroup = role is LegRole.Stop or LegRole.Target ? ClientOrderIds.OcoGroup(b.ExecutionId, replacement) : null,
        // The ledger keeps the prices sent: on the venue's tick.
        StopPrice = role == LegRole.Stop ? Price.OnTick(b.StopPrice, side) : null, LimitPrice = role == LegRole.Target ? Price.OnTick(b.TargetPrice, side) : null,
        ConfigSha = b.ConfigSha, ExecutionMode = b.ExecutionMode, EligibleFrom = eligibleFrom, CreatedAt = eligibleFrom.AddMinutes(-1),
    };
}
