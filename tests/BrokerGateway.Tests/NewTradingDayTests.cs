using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>The gateway's per-day risk state starts again on each New York trading date; what is not per day carries.</summary>
public sealed class When_a_new_trading_day_starts
{
    static DateTimeOffset At(TradingSession s, int hour, int minute) => MarketTimeZone.FromMarketLocal(s.Date, new TimeOnly(hour, minute));

    /// <summary>Enters 10 AAPL at 100 at 10:01 and stops it out at 94 at 10:02: a loss of $60 on day one.</summary>
    static async Task LoseOnDayOne(Harness h)
    {
        h.Request(minute: h.At(10, 0));
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 94m, 94m, 93m, 93.5m));
    }

    [Fact]
    public async Task Should_lift_yesterdays_daily_loss_halt_and_measure_todays_loss_from_todays_equity()
    {
        await using var h = new Harness(limits: new RiskLimits { MaxDailyLossFraction = 0.0005m, MaxDrawdownFraction = 0.5m });
        await LoseOnDayOne(h);
        Assert.Equal(TradingState.Halted, h.Book.Status.State);
        Assert.Equal("DAILY_LOSS_EXCEEDED", h.Book.Status.Reason);

        var day2 = Harness.Calendar.NextSession(h.Session.Date);
        var b = h.Request("MSFT", minute: At(day2, 10, 0));
        await h.Step(day2, At(day2, 10, 0), h.Flat("MSFT", At(day2, 10, 0), 100m));

        Assert.Equal(TradingState.Active, h.Book.Status.State);
        Assert.Equal(h.Engine.Equity(h.Book), h.Book.Status.DayStartEquity); // today's loss counts from today's start
        Assert.Equal(BracketState.EntryWorking, b.State);
        Assert.Contains(h.Book.StateChanges, c => c is { State: TradingState.Active, Reason: "NEW_TRADING_DAY" });
    }

    [Fact]
    public async Task Should_keep_a_drawdown_halt_across_the_night()
    {
        await using var h = new Harness(limits: new RiskLimits { MaxDailyLossFraction = 0.5m, MaxDrawdownFraction = 0.0005m });
        await LoseOnDayOne(h);
        Assert.Equal("MAX_DRAWDOWN_EXCEEDED", h.Book.Status.Reason);

        var day2 = Harness.Calendar.NextSession(h.Session.Date);
        var b = h.Request("MSFT", minute: At(day2, 10, 0));
        await h.Step(day2, At(day2, 10, 0), h.Flat("MSFT", At(day2, 10, 0), 100m));

        Assert.Equal(TradingState.Halted, h.Book.Status.State);
        Assert.Equal(BracketState.Rejected, b.State);
    }

    [Fact]
    public async Task Should_count_entries_per_symbol_from_zero_each_day()
    {
        await using var h = new Harness(limits: new RiskLimits { MaxOrdersPerSymbolPerDay = 1 });
        var first = h.Request(minute: h.At(10, 0));
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));
        await h.Step(h.At(10, 2), Harness.Bar("AAPL", h.At(10, 2), 100m, 111m, 100m, 110.5m)); // target
        Assert.Equal(BracketState.Closed, first.State);
        var second = h.Request(minute: h.At(11, 0));
        await h.Step(h.At(11, 0), h.Flat("AAPL", h.At(11, 0), 100m));
        Assert.Equal(BracketState.Rejected, second.State); // the cap binds within the day

        var day2 = Harness.Calendar.NextSession(h.Session.Date);
        var third = h.Request(minute: At(day2, 10, 0));
        await h.Step(day2, At(day2, 10, 0), h.Flat("AAPL", At(day2, 10, 0), 100m));
        Assert.Equal(BracketState.EntryWorking, third.State);
        Assert.Equal(1, h.Book.EntriesToday["AAPL"]);
    }

    [Fact]
    public async Task Should_not_price_todays_entry_against_yesterdays_close()
    {
        await using var h = new Harness();
        await h.Step(h.At(15, 0), h.Flat("AAPL", h.At(15, 0), 100m));

        // Today AAPL opens 12 % higher; the entry is requested before its first bar of the day.
        var day2 = Harness.Calendar.NextSession(h.Session.Date);
        var b = h.Request(entry: 112m, stop: 106m, target: 124m, minute: At(day2, 9, 30));
        await h.Step(day2, At(day2, 9, 30), h.Flat("MSFT", At(day2, 9, 30), 50m));

        Assert.DoesNotContain("SLIPPAGE_EXCEEDED", h.RiskCodes);
        Assert.Equal(BracketState.EntryWorking, b.State);
    }
}
