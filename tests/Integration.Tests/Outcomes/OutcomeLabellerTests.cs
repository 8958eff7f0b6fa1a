using Tradewire.Cli.Outcomes;

namespace Tradewire.Integration.Tests.Outcomes;

/// <summary>The outcome labels as pure logic (no infrastructure): forward returns, stop or target first, MAE/MFE, missing bars.</summary>
public sealed class OutcomeLabellerTests
{
    static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);
    static readonly DateTimeOffset LastMinute = new(2026, 11, 20, 20, 59, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Decision = Open.AddMinutes(100);

    /// <summary>Flat bars at 100 (high 100.10, low 99.90) from the open to the last minute, with some replaced.</summary>
    static List<OutcomeBar> Bars(params (int Offset, decimal High, decimal Low, decimal Close)[] changes)
    {
        var bars = Enumerable.Range(0, 390).Select(i => new OutcomeBar(Open.AddMinutes(i), 100.10m, 99.90m, 100m)).ToList();
        foreach (var (offset, high, low, close) in changes)
            bars[100 + offset] = new OutcomeBar(Decision.AddMinutes(offset), high, low, close);
        return bars;
    }

    static OutcomeLabel Long(List<OutcomeBar> bars, decimal? stop = 99m, decimal? target = 102m, DateTimeOffset? decision = null, DateTimeOffset? windowEnd = null) =>
        OutcomeLabeller.Label(new OutcomeInput("BUY", decision ?? Decision, 100m, stop, target, windowEnd ?? LastMinute, LastMinute, bars));

    static OutcomeLabel Short(List<OutcomeBar> bars) =>
        OutcomeLabeller.Label(new OutcomeInput("SELL", Decision, 100m, 101m, 98m, LastMinute, LastMinute, bars));

    [Fact]
    public void Forward_returns_are_the_close_h_minutes_after_the_decisions_bar_over_its_close()
    {
        var label = Long(Bars((1, 100.5m, 99.9m, 100.5m), (5, 101m, 100m, 101m), (15, 100m, 99.5m, 99.5m), (60, 100.3m, 100m, 100.25m)));
        Assert.Equal(100m, label.BaseClose);
        Assert.Equal(0.005m, label.ForwardReturns[1]);
        Assert.Equal(0.01m, label.ForwardReturns[5]);
        Assert.Equal(-0.005m, label.ForwardReturns[15]);
        Assert.Equal(0.0025m, label.ForwardReturns[60]);
        Assert.Empty(label.NullReasons);
    }

    [Fact]
    public void A_missing_bar_gives_null_with_its_reason_never_a_neighbours_price()
    {
        var bars = Bars((15, 100.6m, 100m, 100.5m));
        bars.RemoveAll(b => b.Minute == Decision.AddMinutes(5));
        var label = Long(bars);
        Assert.Null(label.ForwardReturns[5]);
        Assert.Equal("BAR_MISSING", label.NullReasons["fwd_ret_5m"]);
        Assert.Equal(0.005m, label.ForwardReturns[15]);
    }

    [Fact]
    public void A_horizon_past_the_sessions_last_bar_is_null_after_close()
    {
        var label = Long(Bars(), decision: LastMinute.AddMinutes(-10));
        Assert.Equal(0m, label.ForwardReturns[5]);
        Assert.Null(label.ForwardReturns[15]);
        Assert.Null(label.ForwardReturns[60]);
        Assert.Equal("AFTER_CLOSE", label.NullReasons["fwd_ret_15m"]);
        Assert.Equal("AFTER_CLOSE", label.NullReasons["fwd_ret_60m"]);
    }

    [Fact]
    public void Without_the_decisions_bar_every_return_is_null()
    {
        var bars = Bars();
        bars.RemoveAll(b => b.Minute == Decision);
        var label = Long(bars);
        Assert.Null(label.BaseClose);
        Assert.All(OutcomeLabeller.Horizons, h => Assert.Equal("NO_DECISION_BAR", label.NullReasons[$"fwd_ret_{h}m"]));
        Assert.All(OutcomeLabeller.Horizons, h => Assert.Null(label.ForwardReturns[h]));
    }

    [Fact]
    public void The_target_reached_before_the_stop_is_first_and_excursions_stop_at_that_bar()
    {
        var label = Long(Bars((3, 100.2m, 99.4m, 100m), (7, 102.1m, 100m, 102m), (9, 100m, 98m, 98.5m)));
        Assert.Equal("TARGET", label.FirstHit);
        Assert.Equal(Decision.AddMinutes(7), label.FirstHitMinute);
        Assert.False(label.SameBarAmbiguous);
        Assert.Equal(0.6m, label.Mae);
        Assert.Equal(2.1m, label.Mfe);
        Assert.Equal(0.6m, label.MaeR);
        Assert.Equal(2.1m, label.MfeR);
    }

    [Fact]
    public void The_stop_reached_first_is_first()
    {
        var label = Long(Bars((2, 100m, 98.9m, 99m), (4, 102.5m, 99m, 102m)));
        Assert.Equal("STOP", label.FirstHit);
        Assert.Equal(Decision.AddMinutes(2), label.FirstHitMinute);
        Assert.Equal(1.1m, label.Mae);
    }

    [Fact]
    public void A_bar_reaching_both_counts_as_the_stop_and_is_marked_ambiguous()
    {
        var label = Long(Bars((6, 102.5m, 98.5m, 100m)));
        Assert.Equal("STOP", label.FirstHit);
        Assert.True(label.SameBarAmbiguous);
    }

    [Fact]
    public void The_decisions_own_bar_cannot_hit_the_stop_or_target()
    {
        var label = Long(Bars((0, 105m, 95m, 100m)));
        Assert.Equal("NEITHER", label.FirstHit);
        Assert.Null(label.FirstHitMinute);
    }

    [Fact]
    public void A_short_is_mirrored_stop_above_target_below()
    {
        var label = Short(Bars((2, 100.5m, 99.5m, 100m), (5, 100.2m, 97.9m, 98m)));
        Assert.Equal("TARGET", label.FirstHit);
        Assert.Equal(0.5m, label.Mae);
        Assert.Equal(2.1m, label.Mfe);
        Assert.Equal(0.5m, label.MaeR);
    }

    [Fact]
    public void Nothing_hit_by_the_window_end_is_neither_and_later_bars_do_not_count()
    {
        var label = Long(Bars((30, 103m, 100m, 102m)), windowEnd: Decision.AddMinutes(20));
        Assert.Equal("NEITHER", label.FirstHit);
        Assert.Equal(0.1m, label.Mfe);
    }

    [Fact]
    public void Without_levels_there_is_no_first_hit_nor_R_but_excursions_from_the_entry_remain()
    {
        var label = Long(Bars((3, 101m, 99.5m, 100m)), stop: null, target: null);
        Assert.Null(label.FirstHit);
        Assert.Equal("NO_LEVELS", label.NullReasons["first_hit"]);
        Assert.Equal(1m, label.Mfe);
        Assert.Null(label.MfeR);
        Assert.Equal("NO_LEVELS", label.NullReasons["mfe_r"]);
    }

    [Fact]
    public void No_bar_after_the_decision_leaves_first_hit_and_excursions_null_with_the_reason()
    {
        var label = Long(Bars(), decision: LastMinute);
        Assert.Null(label.FirstHit);
        Assert.Equal("NO_BARS_AFTER_DECISION", label.NullReasons["first_hit"]);
        Assert.Null(label.Mae);
        Assert.Equal("NO_BARS_AFTER_DECISION", label.NullReasons["mae"]);
        Assert.Equal("AFTER_CLOSE", label.NullReasons["fwd_ret_1m"]);
    }
}
