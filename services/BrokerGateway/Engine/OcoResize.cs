using Tradewire.BrokerGateway.Domain;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>What to do next with a bracket's OCO pair on a venue that cannot change a leg's quantity in place.</summary>
public enum OcoPairStep { None, Cancel, Place }

/// <summary>
/// The OCO pair must cover exactly what the bracket holds. A venue that cannot resize a leg (Alpaca replaces only
/// the prices of an OCO's legs) gets the pair cancelled, and once both legs are confirmed cancelled, a new pair for
/// the whole held quantity under the next ids (<see cref="ClientOrderIds"/>). Pure: it reads the ledger's legs only.
/// </summary>
public static class OcoResize
{
    /// <summary>
    /// The next step for the bracket's current pair (<paramref name="stop"/>, <paramref name="target"/>) given the
    /// shares it holds: None when the pair fits, when there is no pair yet (placing the first is the entry fill's
    /// job), or when a leg has traded (that fill decides: the bracket closes or exits the rest); Cancel while a leg
    /// still works at the wrong size or without its partner; Place once both legs are cancelled for a resize.
    /// </summary>
    public static OcoPairStep Next(decimal held, OrderRecord? stop, OrderRecord? target)
    {
        if (stop is null || target is null || held <= 0 || stop.FilledQty > 0 || target.FilledQty > 0)
            return OcoPairStep.None;
        var working = (stop.Status == OrderStatus.Working ? 1 : 0) + (target.Status == OrderStatus.Working ? 1 : 0);
        if (working == 2 && stop.Qty == held && target.Qty == held)
            return OcoPairStep.None;
        if (working > 0)
            return OcoPairStep.Cancel;
        // Both gone. Cancelled at another size: that was a resize, so the pair is placed again. Gone at the right
        // size (rejected, or cancelled by someone else): not ours to re-place; the sweeper exits the naked position.
        return stop.Status == OrderStatus.Cancelled && target.Status == OrderStatus.Cancelled && stop.Qty != held
            ? OcoPairStep.Place : OcoPairStep.None;
    }
}
