using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>
    /// Keeps every protected bracket's OCO pair sized to what it holds on a venue that cannot change a leg's
    /// quantity in place (<see cref="IBroker.ResizesOcoLegs"/>): the pair is cancelled, and once the venue confirms
    /// both legs cancelled, a new pair for the whole held quantity is placed under the next ids. Runs between bracket
    /// transitions, because a leg may fill while its cancel is in flight and that fill must reach its saga: a leg
    /// sized to less than the position then leaves shares, which the leg's fill exits at market (<see cref="OnFill"/>);
    /// no second pair is placed. Returns how many pairs it cancelled or placed.
    /// </summary>
    async Task<int> ResizeProtection(Book book, DateTimeOffset at)
    {
        if (broker.ResizesOcoLegs)
            return 0;
        var acted = 0;
        foreach (var bracket in book.Brackets.Values.Where(Protecting).ToList())
        {
            if (Next(book, bracket) == OcoPairStep.Cancel)
            {
                await CancelPair(book, book.Order(bracket, LegRole.Stop)!, book.Order(bracket, LegRole.Target)!, at);
                acted++;
            }
            // The cancel may have been confirmed just now, or by a read of an earlier pass; a raced fill has moved the bracket on.
            if (Protecting(bracket) && Next(book, bracket) == OcoPairStep.Place)
            {
                var stop = book.Order(bracket, LegRole.Stop)!;
                Raise(book, at, "OCO_PAIR_REPLACED", Severity.Warn, bracket.Ticker, bracket.ExecutionId, "engine",
                    new { cancelled = stop.ClientOrderId, cancelledQty = stop.Qty, held = Held(book, bracket) });
                await PlacePair(book, bracket, book.Replacements(bracket) + 1, at, at);
                acted++;
            }
        }
        return acted;
    }

    static bool Protecting(Bracket b) => b.State is BracketState.Protected or BracketState.EntryPartial;

    static OcoPairStep Next(Book book, Bracket bracket) =>
        OcoResize.Next(Held(book, bracket), book.Order(bracket, LegRole.Stop), book.Order(bracket, LegRole.Target));

    /// <summary>Shares the bracket holds: what its entry filled less what its legs and exit sold.</summary>
    static decimal Held(Book book, Bracket bracket) =>
        bracket.FilledQty - book.OrdersOf(bracket).Where(o => o.Role != LegRole.Entry).Sum(o => o.FilledQty);

    /// <summary>
    /// Cancels an OCO pair through its parent (the venue cancels the rest of the group with it), waits for the venue
    /// to carry it out, mirrors both legs, and books any fill that came first.
    /// </summary>
    async Task CancelPair(Book book, OrderRecord stop, OrderRecord target, DateTimeOffset at)
    {
        var asked = target.Status == OrderStatus.Working ? target : stop;
        var ack = Noted(book, await broker.Cancel(asked.ClientOrderId), "cancel", asked, at);
        var views = await broker.AwaitCancels([target.ClientOrderId, stop.ClientOrderId]);
        foreach (var leg in new[] { target, stop }.Where(l => l.Status == OrderStatus.Working))
            Mirror(book, leg, ack.Status == AckStatus.Accepted ? BrokerAck.Ok : ack, views.GetValueOrDefault(leg.ClientOrderId), at);
        foreach (var fill in await broker.ReadFills(at))
            await OnFill(book, fill);
    }
}
