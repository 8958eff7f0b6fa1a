using Tradewire.Cli.BurnIn;

namespace Tradewire.Integration.Tests.BurnIn;

/// <summary>The daily criteria and the audit chain as pure logic (no infrastructure).</summary>
public sealed class BurnInCriteriaTests
{
    static readonly BurnInLimits Limits = new(0.06m, 0.02m, 100_000m, 0.01m, 100_000m);
    static readonly DateTimeOffset Tighten = new(2026, 11, 20, 20, 50, 0, TimeSpan.Zero);

    public static DayFacts Healthy(long signals = 120) => new(new DateOnly(2026, 11, 20), signals, 8, 3, 2.5m, Tighten, -120m, 0, 0.8m, "AAPL",
        2, 2, 0, 0, 0, [], 0, 0, 0, 14, 0, false, Tighten, Tighten.AddMinutes(5));

    static string[] Failing(DayFacts f) => DailyCriteria.Evaluate(f, Limits).Where(c => !c.Passed).Select(c => c.Name).ToArray();

    [Fact]
    public void Healthy_day_passes_every_criterion() => Assert.Empty(Failing(Healthy()));

    [Theory]
    [InlineData(49, true)]
    [InlineData(50, false)]
    public void Signals_need_at_least_fifty(long signals, bool fails) =>
        Assert.Equal(fails, Failing(Healthy(signals)).Contains("signals generated"));

    [Fact]
    public void Heat_is_judged_against_the_configured_cap_and_shows_the_observed_peak()
    {
        var criteria = DailyCriteria.Evaluate(Healthy() with { MaxHeatPct = 6.01m }, Limits);
        var heat = Assert.Single(criteria, c => !c.Passed);
        Assert.Equal("portfolio heat never above the configured cap", heat.Name);
        Assert.Equal("<= 6 %", heat.Expected);
        Assert.StartsWith("max 6.01 %", heat.Observed, StringComparison.Ordinal);
        Assert.DoesNotContain(DailyCriteria.Evaluate(Healthy() with { MaxHeatPct = 6.01m }, Limits with { MaxPortfolioHeatFraction = 0.07m }), c => !c.Passed);
    }

    [Fact]
    public void Per_trade_risk_above_the_configured_limit_fails() =>
        Assert.Equal(["per-trade risk within the configured limit"], Failing(Healthy() with { MaxTradeRiskPct = 1.2m }));

    [Fact]
    public void An_entry_after_the_daily_loss_halt_fails() =>
        Assert.Equal(["daily loss stop respected (no entry after the day's halt)"], Failing(Healthy() with { EntriesAfterDailyLossStop = 1 }));

    [Fact]
    public void Open_positions_at_tighten_time_without_a_tightened_stop_fail_and_so_does_a_tightening_at_another_time()
    {
        Assert.Equal(["stops tightened at the tighten time"], Failing(Healthy() with { TightenedAtTighten = 0 }));
        Assert.Equal(["stops tightened at the tighten time"], Failing(Healthy() with { TightenedAtOtherTimes = 1 }));
        Assert.Empty(Failing(Healthy() with { OpenAtTighten = 0, TightenedAtTighten = 0 }));
    }

    [Fact]
    public void A_day_without_risk_events_or_with_an_unlogged_rejection_fails()
    {
        Assert.Equal(["risk events logged"], Failing(Healthy() with { RiskEvents = 0 }));
        Assert.Equal(["risk events logged"], Failing(Healthy() with { RejectionsWithoutRiskEvent = 1 }));
    }

    [Fact]
    public void Audit_chain_names_every_missing_link()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var rejected = Guid.NewGuid();
        var stray = Guid.NewGuid();
        var breaks = AuditChain.Find(new HashSet<string> { "s1", "s3" },
            [new(a, "s1"), new(b, "s2"), new(rejected, "s3")],
            new Dictionary<Guid, string> { [a] = "CLOSED", [rejected] = "REJECTED", [stray] = "CLOSED" },
            [new("a-entry", a, "ENTRY", 10), new("stray-entry", stray, "ENTRY", 0)],
            new Dictionary<string, decimal> { ["a-entry"] = 7 });
        Assert.Equal(
        [
            $"decision {b} has no signal (s2)",
            $"decision {b} never reached the broker-gateway",
            $"bracket {stray} has no decision",
            "order a-entry filled 10 but its trades total 7",
        ], breaks);
    }
}
