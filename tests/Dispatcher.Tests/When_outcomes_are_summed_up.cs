using Tradewire.Dispatcher.Domain.Outcomes;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_outcomes_are_summed_up
{
    static long _id;

    static OutcomeRecord Row(string kind, string? rule, string? firstHit, string side = "BUY", bool sameBar = false, decimal? fwd1 = null, decimal? fwd60 = null) =>
        new(++_id, kind, kind == "EXECUTION" ? Guid.NewGuid() : null, "AAPL", side == "BUY" ? "BUY_STOCK" : "SELL_STOCK", side, rule,
            new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero), kind == "SKIPPED" ? "gate_failed:confidence" : null, 100m,
            new Dictionary<int, decimal?> { [1] = fwd1, [5] = null, [15] = null, [60] = fwd60 }, firstHit is null ? "NONE" : "EXECUTION",
            null, null, null, firstHit, null, sameBar, null, null, null, null, null, "{}");

    [Fact]
    public void Should_count_first_hits_per_kind_with_a_same_bar_hit_as_the_stop_and_the_hit_rate_over_answered_ones()
    {
        var summary = OutcomeSummary.Of([
            Row("EXECUTION", "breakout", "TARGET"), Row("EXECUTION", "breakout", "TARGET"), Row("EXECUTION", "news", "STOP", sameBar: true),
            Row("EXECUTION", "news", "NEITHER"), Row("SKIPPED", "breakout", "STOP"), Row("SKIPPED", "breakout", null),
        ]);

        Assert.Equal(6, summary.Labelled);
        var executions = summary.ByKind[0];
        Assert.Equal(("EXECUTION", 4, 1, 2, 1, 0, 1), (executions.Kind, executions.Labelled, executions.Stop, executions.Target, executions.Neither, executions.NoAnswer, executions.SameBar));
        Assert.Equal(0.5m, executions.HitRate); // 2 targets of 4 with an answer
        var skipped = summary.ByKind[1];
        Assert.Equal(("SKIPPED", 2, 1, 0, 0, 1), (skipped.Kind, skipped.Labelled, skipped.Stop, skipped.Target, skipped.Neither, skipped.NoAnswer));
        Assert.Equal(0m, skipped.HitRate); // the row with no levels has no answer: not counted against the rate
    }

    [Fact]
    public void Should_group_by_kind_and_rule_in_ordinal_order_with_an_unknown_rule_first()
    {
        var summary = OutcomeSummary.Of([
            Row("SKIPPED", "news", "STOP"), Row("EXECUTION", "news", "TARGET"), Row("EXECUTION", "breakout", "STOP"),
            Row("EXECUTION", null, "TARGET"), Row("EXECUTION", "breakout", "TARGET"),
        ]);

        Assert.Equal([("EXECUTION", null), ("EXECUTION", "breakout"), ("EXECUTION", "news"), ("SKIPPED", "news")],
            summary.ByRule.Select(g => (g.Kind, g.Rule)));
        var breakout = summary.ByRule[1];
        Assert.Equal((2, 1, 1, 0.5m), (breakout.Labelled, breakout.Stop, breakout.Target, breakout.HitRate));
        Assert.Equal(["EXECUTION", "SKIPPED"], summary.ByKind.Select(g => g.Kind));
        Assert.All(summary.ByKind, g => Assert.Null(g.Rule));
    }

    [Fact]
    public void Should_average_forward_returns_in_the_trades_direction_over_the_ones_present()
    {
        var group = OutcomeSummary.Of([
            Row("EXECUTION", "breakout", "TARGET", "BUY", fwd1: 0.010m, fwd60: 0.02m),
            Row("EXECUTION", "breakdown", "TARGET", "SELL", fwd1: -0.004m), // a short gains when the price falls
            Row("EXECUTION", "breakout", "STOP", "BUY"),
        ]).ByKind.Single();

        Assert.Equal([1, 5, 15, 60], group.MeanReturns.Select(m => m.Minutes));
        Assert.Equal(new HorizonMean(1, 0.007m, 2), group.MeanReturns[0]);
        Assert.Equal(new HorizonMean(5, null, 0), group.MeanReturns[1]);
        Assert.Equal(new HorizonMean(60, 0.02m, 1), group.MeanReturns[3]);
    }

    [Fact]
    public void Should_sum_up_no_rows_as_nothing_labelled()
    {
        var summary = OutcomeSummary.Of([]);
        Assert.Equal(0, summary.Labelled);
        Assert.Empty(summary.ByKind);
        Assert.Empty(summary.ByRule);
        Assert.Null(OutcomeGroup.Of("SKIPPED", null, [Row("SKIPPED", null, null)]).HitRate);
    }
}
