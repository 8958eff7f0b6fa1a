using System.Text.Json;
using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Tests;

public sealed class When_patching_the_config
{
    static readonly DispatcherConfig Current = DispatcherConfig.Defaults;

    [Fact]
    public void Should_default_to_the_seeds_key_configuration_parameters()
    {
        using var json = JsonDocument.Parse(Current.ToJson());
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("max_signals_per_run").GetInt32());
        Assert.Equal(2, root.GetProperty("max_trades_per_ticker_per_day").GetInt32());
        Assert.Equal(0.70m, root.GetProperty("confidence_min").GetDecimal());
        Assert.Equal(60, root.GetProperty("lookback_window_minutes").GetInt32());
        Assert.Equal(10, root.GetProperty("processing_ttl_minutes").GetInt32());
        Assert.Equal(120, root.GetProperty("max_bar_age_seconds").GetInt32());
        Assert.Equal(300, root.GetProperty("max_feature_age_seconds").GetInt32());
        Assert.Equal(["BUY_CALL", "BUY_PUT", "BUY_STOCK"], root.GetProperty("allowed_actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(100000m, root.GetProperty("paper_equity").GetDecimal());
        Assert.Equal(0.02m, root.GetProperty("max_risk_per_trade_pct").GetDecimal());
        Assert.Equal(5m, root.GetProperty("default_slippage_bps").GetDecimal());
        Assert.Equal("close+slip", root.GetProperty("fill_model").GetString());
        Assert.Equal(2.0m, root.GetProperty("stop_loss_atr_mult").GetDecimal());
        Assert.Equal(2.0m, root.GetProperty("take_profit_risk_reward").GetDecimal());
        Assert.Equal(240, root.GetProperty("max_hold_minutes").GetInt32());
    }

    [Fact]
    public void Should_apply_the_seeds_patches_and_change_the_sha()
    {
        var result = ConfigPatch.Apply(Current, """{"confidence_min": 0.75, "max_signals_per_run": 5}""");
        Assert.True(result.Accepted);
        Assert.Equal(0.75m, result.Config!.ConfidenceMin);
        Assert.Equal(5, result.Config.MaxSignalsPerRun);
        Assert.Equal(Current.MaxBarAgeSeconds, result.Config.MaxBarAgeSeconds);
        Assert.NotEqual(Current.Sha(), result.Config.Sha());
        Assert.Equal(64, result.Config.Sha().Length);
    }

    [Fact]
    public void Should_hash_a_configuration_round_tripped_through_json_the_same()
    {
        var patched = ConfigPatch.Apply(Current, """{"max_bar_age_seconds": 180, "max_feature_age_seconds": 420}""").Config!;
        Assert.Equal(patched.Sha(), DispatcherConfig.FromJson(patched.ToJson()).Sha());
    }

    [Theory]
    [InlineData("""{"confidence_minimum": 0.6}""", "unknown_key")]
    [InlineData("""{"confidence_min": "high"}""", "wrong_type")]
    [InlineData("""{"max_signals_per_run": 2.5}""", "wrong_type")]
    [InlineData("""{"confidence_min": 1.2}""", "out_of_range")]
    [InlineData("""{"confidence_min": -0.1}""", "out_of_range")]
    [InlineData("""{"paper_equity": -5}""", "out_of_range")]
    [InlineData("""{"max_bar_age_seconds": 0}""", "out_of_range")]
    [InlineData("""{"allowed_actions": ["BUY_CALL", "SELL_PREMIUM"]}""", "out_of_range")]
    [InlineData("""{"allowed_actions": "BUY_CALL"}""", "wrong_type")]
    [InlineData("""{"fill_model": "mid"}""", "out_of_range")]
    [InlineData("""[1, 2]""", "not_an_object")]
    [InlineData("""not json""", "not_an_object")]
    [InlineData("""{}""", "empty_patch")]
    public void Should_reject_an_invalid_patch_with_a_reason(string patch, string reason)
    {
        var result = ConfigPatch.Apply(Current, patch);
        Assert.False(result.Accepted);
        Assert.Equal(reason, result.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Theory]
    [InlineData("stop_loss_atr_mult", "2.5")]
    [InlineData("take_profit_risk_reward", "3")]
    [InlineData("default_slippage_bps", "10")]
    public void Should_refuse_to_change_frozen_execution_semantics_and_say_why(string key, string value)
    {
        var result = ConfigPatch.Apply(Current, $$"""{"confidence_min": 0.72, "{{key}}": {{value}}}""");
        Assert.False(result.Accepted);
        Assert.Equal("frozen", result.ReasonCode);
        Assert.Contains($"'{key}' is frozen execution semantics", result.Message);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Should_accept_frozen_keys_at_their_frozen_values()
    {
        var result = ConfigPatch.Apply(Current, """{"stop_loss_atr_mult": 2.0, "take_profit_risk_reward": 2, "default_slippage_bps": 5, "confidence_min": 0.72}""");
        Assert.True(result.Accepted, result.Message);
        Assert.Equal((2.0m, 2.0m, 5m, 0.72m), (result.Config!.StopLossAtrMult, result.Config.TakeProfitRiskReward, result.Config.DefaultSlippageBps, result.Config.ConfidenceMin));
    }

    [Fact]
    public void Should_reject_the_whole_patch_when_one_key_is_bad()
    {
        var result = ConfigPatch.Apply(Current, """{"confidence_min": 0.65, "max_trades_per_ticker_per_day": -1}""");
        Assert.False(result.Accepted);
        Assert.Contains("max_trades_per_ticker_per_day", result.Message);
    }
}
