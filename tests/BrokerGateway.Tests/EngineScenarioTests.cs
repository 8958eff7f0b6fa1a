namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_symbol_trade_cap_is_reached
{
    [Fact]
    public async Task Should_refuse_the_third_order_and_log_a_risk_event()
    {
        await using var h = new Harness(limits: new RiskLimits { MaxOrdersPerSymbolPerDay = 2 });
        var brackets = Enumerable.Range(0, 3).Select(i => h.Request(qty: 5, decisionSecond: i)).ToList();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));

        Assert.Equal(BracketState.EntryWorking, brackets[0].State);
        Assert.Equal(BracketState.EntryWorking, brackets[1].State);
        Assert.Equal(BracketState.Rejected, brackets[2].State);
        Assert.Null(h.Book.Order(brackets[2], LegRole.Entry));
        var risk = Assert.Single(h.Book.NewRiskEvents, e => e.ReasonCode == "SYMBOL_ORDER_CAP");
        Assert.Equal(brackets[2].ExecutionId, risk.ExecutionId);
    }
}

public sealed class When_a_put_is_recommended_with_shorts_disabled
{
    [Fact]
    public async Task Should_refuse_it_as_a_short_on_the_underlying()
    {
        await using var h = new Harness();
        var b = h.Request(action: "BUY_PUT", side: "SELL", stop: 105m, target: 90m);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        Assert.Equal(BracketState.Rejected, b.State);
        Assert.Contains("SHORTS_DISABLED", h.RiskCodes);
    }
}

public sealed class When_the_dispatcher_qty_exceeds_a_limit
{
    [Fact]
    public async Task Should_send_the_reduced_qty_and_record_planned_sent_and_binding_limit()
    {
        await using var h = new Harness();
        var b = h.Request(qty: 200);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        Assert.Equal(50m, h.Order(b, LegRole.Entry).Qty);
        var e = Assert.Single(h.Book.NewRiskEvents, x => x.ReasonCode == "ORDER_REDUCED");
        Assert.Contains("\"plannedQty\":200", e.DetailJson);
        Assert.Contains("\"sentQty\":50", e.DetailJson);
        Assert.Contains("MAX_POSITION_EXCEEDED", e.DetailJson);
    }
}

public sealed class When_the_daily_loss_limit_is_breached
{
    [Fact]
    public async Task Should_halt_new_entries_while_exits_continue()
    {
        await using var h = new Harness(limits: new RiskLimits { MaxDailyLossFraction = 0.0005m }); // a $50 loss halts
        var loser = h.Request("AAPL", qty: 10);
        var winner = h.Request("MSFT", qty: 10, entry: 200m, stop: 190m, target: 210m);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m), h.Flat("MSFT", h.At(10, 0), 200m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m), h.Flat("MSFT", h.At(10, 1), 200m));
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 94m, 94m, 93m, 93m), h.Flat("MSFT", h.At(10, 2), 200m)); // -60

        Assert.Equal(TradingState.Halted, h.Book.Status.State);
        Assert.Contains("DAILY_LOSS_EXCEEDED", h.RiskCodes);
        var late = h.Request("NVDA", qty: 5, minute: h.At(10, 3));
        await h.Step(h.At(10, 3), h.Flat("NVDA", h.At(10, 3), 100m), Harness.Bar("MSFT", h.At(10, 3), 209m, 211m, 208m, 210m));

        Assert.Equal(BracketState.Rejected, late.State);
        Assert.Contains("TRADING_HALTED", h.RiskCodes);
        Assert.Equal(BracketState.Closed, winner.State);   // the target still filled while halted
        Assert.Equal("TARGET", winner.ExitReason);
        Assert.Equal(BracketState.Closed, loser.State);
    }
}

public sealed class When_the_flatten_guard_runs_while_halted
{
    [Fact]
    public async Task Should_cancel_every_order_and_close_every_position()
    {
        await using var h = new Harness();
        var held = h.Request("AAPL", qty: 10);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 101m));
        var pending = h.Request("MSFT", qty: 5, entry: 200m, stop: 190m, target: 220m, minute: h.At(10, 2));
        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 102m), h.Flat("MSFT", h.At(10, 2), 200m));
        MinuteEngine.ChangeState(h.Book, TradingState.Halted, "test", "operator", h.At(10, 3));

        var flat = await h.Flatten(h.At(10, 3), "KILL_SWITCH");

        Assert.True(flat);
        Assert.Equal(0m, h.Book.Positions["AAPL"].Qty);
        Assert.Equal(BracketState.Closed, held.State);
        Assert.Equal("KILL_SWITCH", held.ExitReason);
        Assert.Equal(102m, h.Order(held, LegRole.Exit).AvgFillPrice);   // last price
        Assert.Equal(BracketState.Closed, pending.State);              // entry cancelled, no child ever placed
        Assert.Null(h.Book.Order(pending, LegRole.Stop));
        Assert.True(MinuteEngineFacts.NoWorkingOrders(h));
    }
}

public sealed class When_a_bracket_reaches_its_max_hold
{
    [Fact]
    public async Task Should_cancel_the_legs_and_exit_at_the_next_open()
    {
        await using var h = new Harness();
        var b = h.Request(maxHold: 2);
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));   // entry fills at 10:01
        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 101m));   // minute closes 10:03: 2 minutes held
        Assert.Equal(BracketState.Exiting, b.State);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Stop).Status);
        Assert.Equal(OrderStatus.Cancelled, h.Order(b, LegRole.Target).Status);
        Assert.DoesNotContain("NAKED_POSITION", h.RiskCodes);

        await h.Step(h.At(10, 3), h.Flat("AAPL", h.At(10, 3), 102m));
        Assert.Equal(BracketState.Closed, b.State);
        Assert.Equal("MAX_HOLD", b.ExitReason);
        Assert.Equal(20m, b.RealizedPnl);
        Assert.Equal(0m, h.Book.Positions["AAPL"].Qty);
    }
}

public sealed class When_exposure_cannot_be_valued
{
    [Fact]
    public async Task Should_fail_safe_and_refuse_new_entries()
    {
        await using var h = new Harness();
        h.Book.Position("MSFT").Apply(OrderSide.Buy, Quantity.Of(10), Price.Of(200m), h.At(9, 59));   // held, but no price known for it
        var b = h.Request();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        Assert.Equal(BracketState.Rejected, b.State);
        // Equity includes open P&L at the last marks: an unmarked position makes equity unknown as well as exposure.
        Assert.Contains("EQUITY_UNKNOWN", h.RiskCodes);
        Assert.Contains(h.Book.NewRiskEvents, e => e.ReasonCode == "EQUITY_UNKNOWN" && e.DetailJson.Contains("EXPOSURE_UNKNOWN"));
    }
}

public sealed class When_a_live_command_reaches_the_paper_gateway
{
    [Fact]
    public async Task Should_refuse_it_rather_than_simulate_it()
    {
        await using var h = new Harness();
        var b = h.Request(mode: "LIVE");
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        Assert.Equal(BracketState.Rejected, b.State);
        Assert.Contains("EXECUTION_MODE_MISMATCH", h.RiskCodes);
    }
}
