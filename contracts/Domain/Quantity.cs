using System.Globalization;

namespace Tradewire.Contracts.Domain;

/// <summary>
/// A number of shares: whole and never negative. Immutable and thread safe; <c>default(Quantity)</c> is
/// <see cref="Zero"/>. Whole because every order this system sends is a bracket (or its legs and exits), and
/// Alpaca accepts fractional quantities only on simple market and day orders (its trading/fractional-trading.md):
/// the dispatcher sizes in whole shares and the gateway refuses anything else. An order needs a positive quantity
/// (<see cref="IsPositive"/>); zero is a valid count of what is filled or held so far. Mixing with a
/// <see cref="Price"/> is explicit: quantity × price is a notional in USD (a plain decimal: money).
/// </summary>
public readonly record struct Quantity
{
    Quantity(decimal shares) => Shares = shares;

    /// <summary>No shares.</summary>
    public static Quantity Zero => default;

    /// <summary>The number of shares: whole, &gt;= 0.</summary>
    public decimal Shares { get; }

    /// <summary>True when there are no shares.</summary>
    public bool IsZero => Shares == 0m;

    /// <summary>True when there is at least one share: what an order needs.</summary>
    public bool IsPositive => Shares > 0m;

    /// <summary>The count as a plain decimal (for storage and messages, whose columns and fields stay numeric).</summary>
    public static implicit operator decimal(Quantity quantity) => quantity.Shares;

    /// <summary>Both counts together.</summary>
    public static Quantity operator +(Quantity a, Quantity b) => new(a.Shares + b.Shares);

    /// <summary><paramref name="shares"/> as a quantity; throws when it is negative or not whole.</summary>
    public static Quantity Of(decimal shares) =>
        TryCreate(shares, out var quantity) ? quantity : throw new ArgumentOutOfRangeException(nameof(shares), shares, Invalid(shares));

    /// <summary><paramref name="shares"/> as the quantity of an order; throws when it is not a whole number &gt; 0.</summary>
    public static Quantity ToOrder(decimal shares) =>
        TryCreate(shares, out var quantity) && quantity.IsPositive
            ? quantity
            : throw new ArgumentOutOfRangeException(nameof(shares), shares, $"an order's quantity must be whole shares > 0, got {shares.ToString(CultureInfo.InvariantCulture)}");

    /// <summary><paramref name="shares"/> as a quantity, or false when it is negative or not whole.</summary>
    public static bool TryCreate(decimal shares, out Quantity quantity)
    {
        var valid = shares >= 0m && shares == decimal.Floor(shares);
        quantity = valid ? new Quantity(shares) : default;
        return valid;
    }

    /// <summary>
    /// The whole shares that <paramref name="budget"/> buys at <paramref name="perShare"/> each (rounded down), or
    /// zero when the budget is not positive: sizing by a risk budget over the risk per share, or by a notional cap
    /// over the price. Throws when <paramref name="perShare"/> is not &gt; 0 (nothing to divide by).
    /// </summary>
    public static Quantity Affordable(decimal budget, decimal perShare)
    {
        if (perShare <= 0m)
            throw new ArgumentOutOfRangeException(nameof(perShare), perShare, $"a cost per share must be > 0, got {perShare.ToString(CultureInfo.InvariantCulture)}");
        return budget <= 0m ? Zero : new Quantity(decimal.Floor(budget / perShare));
    }

    /// <summary>The smaller of two quantities.</summary>
    public static Quantity Min(Quantity a, Quantity b) => a.Shares <= b.Shares ? a : b;

    /// <summary>The count, invariant culture (logs and messages show the number).</summary>
    public override string ToString() => Shares.ToString(CultureInfo.InvariantCulture);

    static string Invalid(decimal shares) => $"a quantity must be whole shares >= 0, got {shares.ToString(CultureInfo.InvariantCulture)}";
}
