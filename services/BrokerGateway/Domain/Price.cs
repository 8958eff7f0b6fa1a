using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>
/// A price a venue accepts for an order: on its tick. Alpaca's minimum price variance (its trading/orders.md,
/// "Sub-penny increments"): from $1.00 at most 2 decimals, below $1.00 at most 4; a finer price is refused.
/// The one place that rule lives: every price the gateway sends comes through <see cref="OnTick"/>, and the
/// ledger records the ticked price, which is the one sent.
/// </summary>
public readonly record struct Price
{
    Price(decimal value) => Value = value;

    public decimal Value { get; }

    public static implicit operator decimal(Price price) => price.Value;

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

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
