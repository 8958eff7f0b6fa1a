using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.Contracts.Signals;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>The ids of an OCO pair placed again, and the decision to cancel or place it, as pure logic.</summary>
public sealed class OcoResizeTests
{
    static readonly Guid Execution = Guid.Parse("0a1b2c3d-0000-4000-8000-00000000abcd");

    [Fact]
    public void Should_name_a_pair_placed_again_after_its_count_and_the_first_one_as_before()
    {
        Assert.Equal("tw-0a1b2c3d00004000800000000000abcd-STOP", ClientOrderIds.For(Execution, LegRole.Stop));
        Assert.Equal("tw-0a1b2c3d00004000800000000000abcd-TARGET-r1", ClientOrderIds.For(Execution, LegRole.Target, 1));
        Assert.Equal("tw-0a1b2c3d00004000800000000000abcd-STOP-r12", ClientOrderIds.For(Execution, LegRole.Stop, 12));
        Assert.Equal("oco-0a1b2c3d00004000800000000000abcd", ClientOrderIds.OcoGroup(Execution));
        Assert.Equal("oco-0a1b2c3d00004000800000000000abcd-r2", ClientOrderIds.OcoGroup(Execution, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientOrderIds.For(Execution, LegRole.Stop, -1));
    }

    [Fact]
    public void Should_find_the_latest_pair_in_the_book()
    {
        var book = new Book { Status = new TradingStatus { State = TradingState.Active } };
        var bracket = Bracket();
        Assert.Equal(0, book.Replacements(bracket));
        Assert.Null(book.Order(bracket, LegRole.Stop));
        foreach (var n in new[] { 0, 1, 2 })
            foreach (var role in new[] { LegRole.Stop, LegRole.Target })
                book.Orders[bracket.Id(role, n)] = Leg(role, 5 * (n + 1), OrderStatus.Cancelled, n);
        book.Orders[bracket.Id(LegRole.Entry)] = Leg(LegRole.Entry, 15, OrderStatus.Filled, 0);

        Assert.Equal(2, book.Replacements(bracket));
        Assert.Equal(bracket.Id(LegRole.Stop, 2), book.Order(bracket, LegRole.Stop)!.ClientOrderId);
        Assert.Equal(bracket.Id(LegRole.Target, 2), book.Order(bracket, LegRole.Target)!.ClientOrderId);
        Assert.Equal(bracket.Id(LegRole.Entry), book.Order(bracket, LegRole.Entry)!.ClientOrderId);
    }

    [Theory]
    // held, stop qty/status, target qty/status, expected
    [InlineData(10, 10, OrderStatus.Working, 10, OrderStatus.Working, OcoPairStep.None)]    // fits
    [InlineData(10, 5, OrderStatus.Working, 5, OrderStatus.Working, OcoPairStep.Cancel)]    // outgrown
    [InlineData(10, 5, OrderStatus.Cancelled, 5, OrderStatus.Working, OcoPairStep.Cancel)]  // a leg without its partner
    [InlineData(10, 10, OrderStatus.Working, 10, OrderStatus.Cancelled, OcoPairStep.Cancel)]
    [InlineData(10, 5, OrderStatus.Cancelled, 5, OrderStatus.Cancelled, OcoPairStep.Place)] // cancel confirmed for a resize
    [InlineData(10, 10, OrderStatus.Cancelled, 10, OrderStatus.Cancelled, OcoPairStep.None)] // gone at its size: the sweeper's
    [InlineData(10, 5, OrderStatus.Rejected, 5, OrderStatus.Rejected, OcoPairStep.None)]
    [InlineData(0, 5, OrderStatus.Working, 5, OrderStatus.Working, OcoPairStep.None)]       // nothing held
    public void Should_cancel_an_outgrown_pair_and_place_it_again_once_cancelled(
        int held, int stopQty, OrderStatus stopStatus, int targetQty, OrderStatus targetStatus, OcoPairStep expected) =>
        Assert.Equal(expected, OcoResize.Next(held, Leg(LegRole.Stop, stopQty, stopStatus), Leg(LegRole.Target, targetQty, targetStatus)));

    [Fact]
    public void Should_leave_a_pair_whose_leg_traded_to_that_fill_and_wait_for_a_first_pair()
    {
        var filled = Leg(LegRole.Target, 5, OrderStatus.Filled);
        filled.FilledQty = 5;
        Assert.Equal(OcoPairStep.None, OcoResize.Next(10, Leg(LegRole.Stop, 5, OrderStatus.Working), filled));
        Assert.Equal(OcoPairStep.None, OcoResize.Next(10, null, null));
    }

    [Theory]
    [InlineData("canceled", true)]
    [InlineData("fill", true)]
    [InlineData("new", false)]
    [InlineData("order_cancel_rejected", false)]
    public void Should_wake_the_ledger_on_fills_and_completed_cancels(string update, bool wakes) =>
        Assert.Equal(wakes, TradeStreamMessage.Parse(System.Text.Encoding.UTF8.GetBytes(
            """{"stream":"trade_updates","data":{"event":""" + $"\"{update}\"" + ""","order":{"client_order_id":"x"}}}"""))!.Wakes);

    static Bracket Bracket() => new()
    {
        ExecutionId = Execution, RecommendationId = 1, Ticker = "AAPL", Side = OrderSide.Buy, Action = TradeAction.BuyStock, InstrumentType = InstrumentType.Stock,
        PlannedQty = 20, EntryPrice = 100m, StopPrice = 95m, TargetPrice = 110m, MaxHoldMinutes = 60, DecisionTs = DateTimeOffset.UnixEpoch,
        SignalTs = DateTimeOffset.UnixEpoch, DispatchMinute = DateTimeOffset.UnixEpoch, Confidence = 0.7m, ConfigSha = "sha", ExecutionMode = ExecutionMode.Live,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    static OrderRecord Leg(LegRole role, decimal qty, OrderStatus status, int replacement = 0) => new()
    {
        ClientOrderId = ClientOrderIds.For(Execution, role, replacement), ExecutionId = Execution, Role = role, Ticker = "AAPL",
        Side = role == LegRole.Entry ? OrderSide.Buy : OrderSide.Sell, Qty = qty, Status = status,
        Type = role == LegRole.Stop ? OrderType.Stop : OrderType.Limit, ConfigSha = "sha", ExecutionMode = ExecutionMode.Live,
        EligibleFrom = DateTimeOffset.UnixEpoch, CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
