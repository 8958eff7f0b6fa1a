namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// The recommendation actions the signal engine emits, and which way each trades the underlying.
/// BUY_PUT is traded as a short of the underlying (options are priced on the underlying's bar).
/// </summary>
public static class TradeActions
{
    public const string BuyCall = "BUY_CALL";
    public const string BuyPut = "BUY_PUT";
    public const string BuyStock = "BUY_STOCK";
    public const string SellPremium = "SELL_PREMIUM";

    /// <summary>Actions the dispatcher can price. SELL_PREMIUM stays blocked until it has its own risk controls.</summary>
    public static readonly IReadOnlySet<string> Executable = new HashSet<string>(StringComparer.Ordinal) { BuyCall, BuyPut, BuyStock };

    /// <summary>True when the action is a short of the underlying: entry below the close, stop above, target below.</summary>
    public static bool IsShort(string action) => action == BuyPut;

    /// <summary>The broker side: <c>SELL</c> for a short, <c>BUY</c> otherwise.</summary>
    public static string Side(string action) => IsShort(action) ? "SELL" : "BUY";
}
