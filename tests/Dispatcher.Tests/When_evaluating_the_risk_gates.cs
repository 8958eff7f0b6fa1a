using System.Text.Json;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;
using Tradewire.Dispatcher.Domain;
using static Tradewire.Dispatcher.Tests.Candidates;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_evaluating_the_risk_gates
{
    static readonly DispatcherConfig Config = DispatcherConfig.Defaults;

    static GateEvaluation Evaluate(DispatchCandidate c, int executionsToday = 0) =>
        RiskGates.Evaluate(c, SnapshotOf(c), T, executionsToday, Config);

    [Fact]
    public void Should_pass_all_five_with_fresh_confident_allowed_input()
    {
        var result = Evaluate(Passing());
        Assert.True(result.Passed);
        Assert.Equal(GateKeys.All, result.Gates.Select(g => g.Key));
    }

    [Theory]
    [InlineData(0.69, false)]
    [InlineData(0.70, true)]
    public void Should_compare_confidence_with_confidence_min(double confidence, bool passed)
    {
        var gate = Evaluate(Passing(r => r with { Confidence = (decimal)confidence }))[GateKeys.Confidence];
        Assert.Equal(passed, gate.Passed);
        Assert.Equal((decimal)confidence, gate.Observed);
        Assert.Equal(0.70m, gate.Threshold);
    }

    [Theory]
    [InlineData("BUY_CALL", true)]
    [InlineData("BUY_PUT", true)]
    [InlineData("BUY_STOCK", true)]
    [InlineData("SELL_PREMIUM", false)]
    public void Should_allow_only_the_configured_actions(string action, bool passed)
    {
        var gates = Evaluate(Passing(r => r with { Action = Wire.Parse<TradeAction>(action) }));
        Assert.Equal(passed, gates[GateKeys.ActionAllowed].Passed);
        // risk_gate_json holds the words the operator's queries compare with, not the enum's C# names.
        var stored = System.Text.Json.JsonDocument.Parse(gates.ToJson()).RootElement.GetProperty(GateKeys.ActionAllowed);
        Assert.Equal(action, stored.GetProperty("observed").GetString());
        Assert.Equal(["BUY_CALL", "BUY_PUT", "BUY_STOCK"], stored.GetProperty("threshold").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Should_measure_bar_age_at_market_time(int ageSeconds, bool passed)
    {
        var gate = Evaluate(Passing(r => r with { BarTs = T.AddSeconds(-ageSeconds) }))[GateKeys.BarFreshness];
        Assert.Equal(passed, gate.Passed);
        Assert.Equal((long)ageSeconds, gate.Observed);
        Assert.Equal(120, gate.Threshold);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Should_measure_feature_age_at_market_time(int ageSeconds, bool passed)
    {
        var gate = Evaluate(Passing(r => r with { FeatureTs = T.AddSeconds(-ageSeconds) }))[GateKeys.FeatureFreshness];
        Assert.Equal(passed, gate.Passed);
        Assert.Equal((long)ageSeconds, gate.Observed);
        Assert.Equal(300, gate.Threshold);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Should_limit_executions_per_ticker_per_day(int executionsToday, bool passed)
    {
        var gate = Evaluate(Passing(), executionsToday)[GateKeys.TickerDailyLimit];
        Assert.Equal(passed, gate.Passed);
        Assert.Equal(executionsToday, gate.Observed);
        Assert.Equal(2, gate.Threshold);
    }

    [Fact]
    public void Should_prefer_the_ticks_latest_bar_over_the_recommendations()
    {
        var stale = Passing(r => r with { BarTs = T.AddMinutes(-10) });
        var tickBar = new LatestBar { Ticker = "AAPL", Close = 101m, BarTs = T.AddSeconds(-30), FeatureTs = T.AddSeconds(-30) };
        var snapshot = MarketSnapshot.For(stale, tickBar);
        var result = RiskGates.Evaluate(stale, snapshot, T, 0, Config);
        Assert.True(result[GateKeys.BarFreshness].Passed);
        Assert.Equal(101m, snapshot.Close);
        Assert.Equal(MarketSnapshot.FromTick, snapshot.Source);
        Assert.False(RiskGates.Evaluate(stale, SnapshotOf(stale), T, 0, Config)[GateKeys.BarFreshness].Passed);
    }

    [Fact]
    public void Should_record_every_gate_with_passed_observed_threshold_in_json()
    {
        var result = Evaluate(Passing(r => r with { Confidence = 0.5m }));
        using var json = JsonDocument.Parse(result.ToJson());
        foreach (var key in GateKeys.All)
        {
            var gate = json.RootElement.GetProperty(key);
            Assert.True(gate.TryGetProperty("observed", out _));
            Assert.True(gate.TryGetProperty("threshold", out _));
            Assert.Equal(key != GateKeys.Confidence, gate.GetProperty("passed").GetBoolean());
        }
        Assert.Equal("gate_failed:confidence", result.SkipReason);
    }
}
