namespace Tradewire.FakeVenue;

/// <summary>
/// Alpaca's minimum price variance (trading/orders.md, "Sub-penny increments for limit orders" and "... for stop
/// orders"): a price of $1.00 or more may carry at most 2 decimals, a price below $1.00 at most 4. A price finer than
/// that is refused with 422 and code 42210000, the message naming the field and the price as sent.
/// </summary>
internal static class TickRule
{
    public static VenueError? Check(string field, decimal? price)
    {
        if (price is not { } p || p <= 0m) return null;
        var decimals = p >= 1m ? 2 : 4;
        return decimal.Round(p, decimals) == p
            ? null
            : VenueError.Unprocessable($"invalid {field} {Wire.Num(p)}. sub-penny increment does not fulfill minimum pricing criteria");
    }

    /// <summary>The first field of <paramref name="prices"/> that breaks the rule, or null.</summary>
    public static VenueError? Check(params (string Field, decimal? Price)[] prices) =>
        prices.Select(p => Check(p.Field, p.Price)).FirstOrDefault(e => e is not null);
}
