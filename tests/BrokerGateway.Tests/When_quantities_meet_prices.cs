using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// The shared value types: a quantity is whole shares never below zero, a price is above zero, and the only way
/// they mix is price × quantity, a notional in dollars. A bad value throws where it is made, naming the value.
/// </summary>
public sealed class When_quantities_meet_prices
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(250)]
    [InlineData(10.000)]
    public void Should_take_whole_shares_from_zero_up(decimal shares)
    {
        Assert.Equal(shares, Quantity.Of(shares).Shares);
        Assert.True(Quantity.TryCreate(shares, out var q));
        Assert.Equal(shares, (decimal)q);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.5)]
    [InlineData(12.0001)]
    public void Should_refuse_a_negative_or_fractional_quantity_naming_the_value(decimal shares)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(shares));
        Assert.Contains("whole shares >= 0", e.Message);
        Assert.Contains(shares.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.False(Quantity.TryCreate(shares, out var q));
        Assert.True(q.IsZero);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2.5)]
    public void Should_refuse_an_order_of_anything_but_whole_shares_above_zero(decimal shares)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.ToOrder(shares));
        Assert.Contains("an order's quantity must be whole shares > 0", e.Message);
    }

    [Fact]
    public void Should_count_zero_as_the_default_and_an_order_as_positive()
    {
        Assert.Equal(Quantity.Zero, default);
        Assert.True(Quantity.Zero.IsZero);
        Assert.False(Quantity.Zero.IsPositive);
        Assert.True(Quantity.ToOrder(3).IsPositive);
        Assert.Equal(Quantity.Of(7), Quantity.Of(3) + Quantity.Of(4));
        Assert.Equal(Quantity.Of(3), Quantity.Min(Quantity.Of(3), Quantity.Of(4)));
        Assert.Equal("42", Quantity.Of(42).ToString());
    }

    [Theory]
    [InlineData(2000, 10.005, 199)]   // a risk budget over the risk per share, rounded down
    [InlineData(25000, 100.05, 249)]  // a notional cap over the entry price
    [InlineData(2, 10.005, 0)]        // not even one share
    [InlineData(0, 10, 0)]
    [InlineData(-100, 10, 0)]         // no budget buys nothing, never a negative count
    public void Should_size_the_whole_shares_a_budget_buys(decimal budget, decimal perShare, decimal expected) =>
        Assert.Equal(expected, Quantity.Affordable(budget, perShare).Shares);

    [Fact]
    public void Should_refuse_to_size_on_a_cost_per_share_of_zero() =>
        Assert.Contains("a cost per share must be > 0", Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Affordable(100m, 0m)).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    public void Should_refuse_a_price_that_is_not_above_zero(decimal value)
    {
        Assert.Contains("a price must be > 0", Assert.Throws<ArgumentOutOfRangeException>(() => Price.Of(value)).Message);
        Assert.False(Price.TryCreate(value, out _));
    }

    [Fact]
    public void Should_keep_an_observed_price_as_it_is_and_tick_only_an_order_price()
    {
        Assert.Equal(100.0512m, Price.Of(100.0512m).Value);
        Assert.Equal(100.05m, Price.OnTick(100.0512m, OrderSide.Buy).Value);
    }

    [Fact]
    public void Should_give_price_times_quantity_as_the_notional_either_way_round()
    {
        Assert.Equal(199m * 100.05m, Price.Of(100.05m) * Quantity.Of(199));
        Assert.Equal(199m * 100.05m, Quantity.Of(199) * Price.Of(100.05m));
        Assert.Equal(0m, Price.Of(100.05m) * Quantity.Zero);
    }

    [Theory]
    [InlineData(0, 0, 100, 10, 100)]          // the first fill sets the average
    [InlineData(100, 10, 110, 10, 105)]       // equal sizes: the midpoint
    [InlineData(100, 30, 120, 10, 105)]       // weighted by shares
    public void Should_average_a_fill_into_what_is_held_by_volume(decimal heldAt, decimal held, decimal price, decimal added, decimal expected) =>
        Assert.Equal(expected, Price.Average(heldAt, Quantity.Of(held), Price.Of(price), Quantity.Of(added)).Value);

    [Fact]
    public void Should_refuse_to_average_in_no_shares() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.Average(100m, Quantity.Of(10), Price.Of(101m), Quantity.Zero));
}
