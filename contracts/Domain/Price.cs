using System.Globalization;
using Tradewire.Contracts.Execution;

namespace Tradewire.Contracts.Domain;

/// <summary>
/// A price per share in USD, always &gt; 0. Immutable and thread safe; <c>default(Price)</c> is not a valid price
/// (its value is 0) and is never produced by the factories. Two ways to get one: <see cref="Of"/> for a price as
/// observed or planned (a close, a fill, a planned entry: any precision), and <see cref="OnTick"/> for a price a
/// venue accepts on an order. Alpaca's minimum price variance (its trading/orders.md, "Sub-penny increments"):
/// from $1.00 at most 2 decimals, below $1.00 at most 4; a finer price is refused. Every price the gateway sends
/// comes through <see cref="OnTick"/>, and the ledger records the ticked price, which is the one sent.
/// Mixing with a <see cref="Quantity"/> is explicit: price × quantity is a notional in USD (a plain decimal: money).
/// </summary>
public readonly record struct Price
{
    Price(decimal value) => Value = value;

    /// <summary>USD per share, &gt; 0.</summary>
    public decimal Value { get; }

    /// <summary>The price as a plain decimal (for storage and messages, whose columns and fields stay numeric).</summary>
    public static implicit operator decimal(Price price) => price.Value;

    /// <summary>The notional of <paramref name="quantity"/> shares at <paramref name="price"/>, in USD.</summary>
    public static decimal operator *(Price price, Quantity quantity) => price.Value * quantity.Shares;

    /// <summary>The notional of <paramref name="quantity"/> shares at <paramref name="price"/>, in USD.</summary>
    public static decimal operator *(Quantity quantity, Price price) => quantity.Shares * price.Value;

    /// <summary><paramref name="value"/> as a price; throws when it is not &gt; 0.</summary>
    public static Price Of(decimal value) =>
        TryCreate(value, out var price) ? price : throw new ArgumentOutOfRangeException(nameof(value), value, $"a price must be > 0, got {value.ToString(CultureInfo.InvariantCulture)}");

    /// <summary><paramref name="value"/> as a price, or false when it is not &gt; 0.</summary>
    public static bool TryCreate(decimal value, out Price price)
    {
        price = value > 0m ? new Price(value) : default;
        return value > 0m;
    }

    /// <summary>
    /// The volume-weighted average of <paramref name="held"/> shares bought at <paramref name="heldAt"/> and
    /// <paramref name="added"/> more at <paramref name="price"/>: an order's average fill price, a position's
    /// average cost. <paramref name="heldAt"/> is ignored when nothing is held.
    /// </summary>
    public static Price Average(decimal heldAt, Quantity held, Price price, Quantity added)
    {
        if (added.IsZero)
            throw new ArgumentOutOfRangeException(nameof(added), "averaging in no shares: a fill has at least one");
        return new Price((held.Shares * heldAt + added.Shares * price.Value) / (held.Shares + added.Shares));
    }

    /// <summary>The venue's smallest step at <paramref name="price"/>.</summary>
    public static decimal Tick(decimal price) => price >= 1m ? 0.01m : 0.0001m;

    /// <summary>
    /// <paramref name="raw"/> moved onto the tick, never to a worse price for the order's side: a sell rounds up (a
    /// higher limit, a stop that triggers sooner and so loses less), a buy rounds down.
    /// </summary>
    public static Price OnTick(decimal raw, OrderSide side)
    {
        if (raw <= 0m)
            throw new ArgumentOutOfRangeException(nameof(raw), raw, "a price must be > 0");
        var decimals = raw >= 1m ? 2 : 4;
        var rounded = decimal.Round(raw, decimals, side == OrderSide.Sell ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);
        return new Price(rounded);
    }

    /// <summary>
    /// The farthest a protective stop of <paramref name="side"/> may sit towards <paramref name="lastPrice"/>: Alpaca
    /// refuses a stop-loss leg less than $0.01 below the current price for a sell, above it for a buy (its
    /// trading/orders.md, "Threshold on stop price of stop-loss orders").
    /// </summary>
    public static Price StopBound(decimal lastPrice, OrderSide side) =>
        OnTick(side == OrderSide.Sell ? lastPrice - 0.01m : lastPrice + 0.01m, side == OrderSide.Sell ? OrderSide.Buy : OrderSide.Sell);

    /// <summary><paramref name="stop"/>, or the bound when it lies beyond it (the stop is already crossed by the market).</summary>
    public static Price ClampStop(Price stop, decimal lastPrice, OrderSide side)
    {
        var bound = StopBound(lastPrice, side);
        return side == OrderSide.Sell ? (stop.Value > bound.Value ? bound : stop) : (stop.Value < bound.Value ? bound : stop);
    }

    /// <summary>The value, invariant culture (logs and messages show the number).</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
