using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// Which recommendation actions the dispatcher can execute, and which way each trades the underlying.
/// BUY_PUT is traded as a short of the underlying (options are priced on the underlying's bar).
/// </summary>
public static class TradeActions
{
    /// <summary>Actions the dispatcher can price. SELL_PREMIUM stays blocked until it has its own risk controls.</summary>
    public static readonly IReadOnlySet<TradeAction> Executable = new HashSet<TradeAction> { TradeAction.BuyCall, TradeAction.BuyPut, TradeAction.BuyStock };

    /// <summary>True when the action is a short of the underlying: entry below the close, stop above, target below.</summary>
    public static bool IsShort(TradeAction action) => action == TradeAction.BuyPut;

    /// <summary>The broker side: <c>SELL</c> for a short, <c>BUY</c> otherwise.</summary>
    public static OrderSide Side(TradeAction action) => IsShort(action) ? OrderSide.Sell : OrderSide.Buy;
}
