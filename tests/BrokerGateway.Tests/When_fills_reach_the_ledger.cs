using Tradewire.BrokerGateway.Consumers;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// Where quantities meet prices in the gateway: an order's average fill price, a position's average cost and
/// realized P&amp;L, and the command boundary that refuses a quantity or price the venue could not take.
/// </summary>
public sealed class When_fills_reach_the_ledger
{
    static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_average_an_orders_partial_fills_by_volume_and_fill_it_when_nothing_remains()
    {
        var order = Order(qty: 40);
        order.ApplyFill(Quantity.Of(10), Price.Of(100m));
        Assert.Equal((10m, 100m, OrderStatus.Working), (order.FilledQty, order.AvgFillPrice!.Value, order.Status));
        order.ApplyFill(Quantity.Of(30), Price.Of(104m));
        Assert.Equal((40m, 103m, OrderStatus.Filled), (order.FilledQty, order.AvgFillPrice!.Value, order.Status));
    }

    [Fact]
    public void Should_average_a_positions_cost_and_realize_on_the_shares_closed()
    {
        var p = new Position { Ticker = "AAPL" };
        Assert.Equal(0m, p.Apply(OrderSide.Buy, Quantity.Of(10), Price.Of(100m), At));
        Assert.Equal(0m, p.Apply(OrderSide.Buy, Quantity.Of(30), Price.Of(104m), At));
        Assert.Equal((40m, 103m), (p.Qty, p.AvgPrice));

        Assert.Equal(10m * (110m - 103m), p.Apply(OrderSide.Sell, Quantity.Of(10), Price.Of(110m), At));
        Assert.Equal((30m, 103m), (p.Qty, p.AvgPrice));
        // Selling through zero closes the long at a loss and opens the rest short at the fill price.
        Assert.Equal(30m * (100m - 103m), p.Apply(OrderSide.Sell, Quantity.Of(35), Price.Of(100m), At));
        Assert.Equal((-5m, 100m, 10m * 7m - 30m * 3m), (p.Qty, p.AvgPrice, p.RealizedPnl));
    }

    [Fact]
    public void Should_accept_a_command_of_whole_shares_at_positive_prices() =>
        Assert.Empty(PlaceBracketOrderConsumer.Problems(Command()));

    [Theory]
    [InlineData(0, "qty must be whole shares > 0, got 0")]
    [InlineData(-3, "qty must be whole shares > 0, got -3")]
    [InlineData(10.5, "qty must be whole shares > 0, got 10.5")]
    public void Should_refuse_a_command_whose_qty_the_venue_could_not_take(decimal qty, string problem) =>
        Assert.Contains(PlaceBracketOrderConsumer.Problems(Command() with { Qty = qty }), p => p.EndsWith(problem, StringComparison.Ordinal));

    [Fact]
    public void Should_refuse_a_command_with_a_price_not_above_zero_naming_each()
    {
        var problems = PlaceBracketOrderConsumer.Problems(Command() with { EntryPrice = 0m, TakeProfitPrice = -1m });
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.EndsWith("entry_price must be > 0, got 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("take_profit_price must be > 0, got -1", StringComparison.Ordinal));
    }

    static PlaceBracketOrder Command() => new()
    {
        ExecutionId = Guid.Parse("00000000-0000-0000-0000-000000000020"), RecommendationId = 1, Ticker = "AAPL", Side = OrderSide.Buy,
        Action = TradeAction.BuyStock, InstrumentType = InstrumentType.Stock, Qty = 10, EntryPrice = 100m, StopLossPrice = 95m,
        TakeProfitPrice = 110m, MaxHoldMinutes = 60, DecisionTs = At, SignalTs = At, Confidence = 0.8m, ConfigSha = "sha",
        ExecutionMode = ExecutionMode.Paper,
    };

    static OrderRecord Order(decimal qty) => new()
    {
        ClientOrderId = "entry", ExecutionId = Guid.Empty, Role = LegRole.Entry, Ticker = "AAPL", Side = OrderSide.Buy, Qty = qty,
        Type = OrderType.Market, ConfigSha = "sha", ExecutionMode = ExecutionMode.Paper, EligibleFrom = At, CreatedAt = At,
    };
}
