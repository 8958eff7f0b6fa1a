namespace Tradewire.Signal.Domain.Rules;

/// <summary>The recommendation vocabulary the dispatcher understands.</summary>
public static class Actions
{
    public const string BuyCall = "BUY_CALL";
    public const string BuyPut = "BUY_PUT";
    public const string BuyStock = "BUY_STOCK";
    public const string SellPremium = "SELL_PREMIUM";

    public const string Call = "CALL";
    public const string Put = "PUT";
    public const string Stock = "STOCK";
}
