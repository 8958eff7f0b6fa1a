using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>
    /// (e) The "no naked position" invariant, every minute: an orphan OCO sibling (a working leg of a closed
    /// bracket) is cancelled; a bracket holding a position without a working stop of the same quantity gets its
    /// stop resized, or is exited at market when the stop is gone; a position that the brackets do not explain
    /// is escalated (no automatic trade on a ledger we do not understand). Each repair raises a risk event.
    /// </summary>
    async Task Sweep(Book book, DateTimeOffset minute, DateTimeOffset at)
    {
        foreach (var order in book.Orders.Values.Where(o => o.Status == OrderStatus.Working && o.Role is LegRole.Stop or LegRole.Target
                     && book.Brackets.GetValueOrDefault(o.ExecutionId) is null or { State: BracketState.Closed or BracketState.Rejected }).ToList())
        {
            await CancelOrder(book, order, at);
            Raise(book, at, "ORPHAN_OCO_SIBLING", Severity.Critical, order.Ticker, order.ExecutionId, "sweeper", new { order.ClientOrderId, repaired = "cancelled" });
        }

        foreach (var bracket in book.Brackets.Values.Where(b => b.State is BracketState.Protected or BracketState.EntryPartial).ToList())
        {
            var stop = book.Order(bracket, LegRole.Stop);
            if (stop is { Status: OrderStatus.Working } && stop.Remaining == bracket.FilledQty)
                continue;
            // A pair being placed again for the whole position (its cancel not yet confirmed) is not a naked one.
            if (Next(book, bracket) != OcoPairStep.None && !broker.ResizesOcoLegs)
            {
                Raise(book, at, "STOP_QTY_MISMATCH", Severity.Warn, bracket.Ticker, bracket.ExecutionId, "sweeper",
                    new { observed = stop?.Remaining, expected = bracket.FilledQty, repaired = "OCO pair being placed again" });
                continue;
            }
            if (stop is { Status: OrderStatus.Working } && Noted(book, await broker.Amend(stop.ClientOrderId, stop.FilledQty + bracket.FilledQty, null), "amend", stop, at).Status == Broker.AckStatus.Accepted)
            {
                Raise(book, at, "STOP_QTY_MISMATCH", Severity.Warn, bracket.Ticker, bracket.ExecutionId, "sweeper", new { observed = stop.Remaining, expected = bracket.FilledQty, repaired = "resized" });
                stop.Qty = stop.FilledQty + bracket.FilledQty;
                stop.Dirty = true;
                continue;
            }
            // The stop is gone and its id is spent: exit the position at market (next bar's open).
            Raise(book, at, "NAKED_POSITION", Severity.Critical, bracket.Ticker, bracket.ExecutionId, "sweeper", new { qty = bracket.FilledQty, repaired = "exit at market" });
            await Apply(book, new BracketExitRequested(bracket.ExecutionId, at, "NAKED_POSITION", minute.AddMinutes(1)));
        }

        foreach (var position in book.Positions.Values.Where(p => p.Qty != 0))
        {
            var explained = book.Brackets.Values.Where(b => b.Ticker == position.Ticker && b.State is BracketState.Protected
                    or BracketState.EntryPartial or BracketState.Exiting)
                .Sum(b => Held(book, b) * (b.Side == OrderSide.Buy ? 1 : -1));
            if (explained != position.Qty)
                Raise(book, at, "POSITION_MISMATCH", Severity.Critical, position.Ticker, null, "sweeper", new { observed = position.Qty, expected = explained });
        }
    }
}
