using Tradewire.Cli.BurnIn;

namespace Tradewire.Integration.Tests.BurnIn;

/// <summary>The go/no-go gates over recorded days (pure logic), including the JSON the check archives.</summary>
public sealed class BurnInGatesTests
{
    static readonly BurnInLimits Limits = new(0.06m, 0.02m, 100_000m, 0.01m, 100_000m);

    static DayResult Day(int offset, long signals = 300, bool killSwitch = false) =>
        new(new DateOnly(2026, 11, 16).AddDays(offset),
            DailyCriteria.Evaluate(BurnInCriteriaTests.Healthy(signals) with { Date = new DateOnly(2026, 11, 16).AddDays(offset) }, Limits), killSwitch);

    [Fact]
    public void Four_healthy_days_with_the_kill_switch_and_the_drills_pass_every_gate() =>
        Assert.All(BurnInGates.Evaluate([Day(0, killSwitch: true), Day(1), Day(2), Day(3)], drillsPassed: true), g => Assert.True(g.Passed, string.Join("; ", g.WhyNot)));

    [Fact]
    public void A_day_with_too_few_signals_after_days_with_many_fails_its_gate_and_every_later_one()
    {
        var gates = BurnInGates.Evaluate([Day(0, killSwitch: true), Day(1), Day(2, signals: 12), Day(3)], drillsPassed: true);
        Assert.True(gates[0].Passed);
        Assert.True(gates[1].Passed);
        Assert.False(gates[2].Passed);
        Assert.Contains("2026-11-18: signals generated: 12 (expected >= 50)", gates[2].WhyNot);
        Assert.Contains(gates[2].WhyNot, w => w.Contains("below half the earlier days' mean (300)", StringComparison.Ordinal));
        Assert.Equal(["gate 3 not passed", "2/3 full days passed"], gates[3].WhyNot);
    }

    [Fact]
    public void Gate_one_needs_the_kill_switch_and_gate_four_the_drills()
    {
        var gates = BurnInGates.Evaluate([Day(0), Day(1), Day(2), Day(3)], drillsPassed: false);
        Assert.Contains(gates[0].WhyNot, w => w.Contains("kill switch not exercised", StringComparison.Ordinal));
        gates = BurnInGates.Evaluate([Day(0, killSwitch: true), Day(1), Day(2), Day(3)], drillsPassed: false);
        Assert.Equal([true, true, true, false], gates.Select(g => g.Passed));
        Assert.Contains(gates[3].WhyNot, w => w.Contains("failure drills not confirmed", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_days_say_which_session_to_check()
    {
        var gates = BurnInGates.Evaluate([Day(0, killSwitch: true)], drillsPassed: true);
        Assert.True(gates[0].Passed);
        Assert.Contains(gates[1].WhyNot, w => w.Contains("no day recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void The_archived_json_reads_back_the_same_day()
    {
        var day = Day(2, signals: 12);
        var back = DayResult.FromJson(day.ToJson());
        Assert.Equal(day.Date, back.Date);
        Assert.Equal(day.Criteria, back.Criteria);
        Assert.Equal("NO-GO", back.Verdict);
        Assert.IsType<SessionCheck>(back.Criteria[0]);
    }
}
