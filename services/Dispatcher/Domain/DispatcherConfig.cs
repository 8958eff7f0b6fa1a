using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewire.Contracts.Signals;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// The dispatcher's run-time configuration. The defaults are the operator's documented starting values; the keys
/// are the snake_case names the operator's documents and queries use. Units: seconds and minutes as named, money in
/// dollars, <see cref="MaxRiskPerTradeFraction"/> a fraction (0.02 = 2 %), slippage in basis points.
/// A run reads it once at its start and records it with its SHA-256 (<see cref="Sha"/>).
/// </summary>
public sealed record DispatcherConfig
{
    [JsonPropertyName("max_signals_per_run")] public int MaxSignalsPerRun { get; init; } = 10;
    [JsonPropertyName("max_trades_per_ticker_per_day")] public int MaxTradesPerTickerPerDay { get; init; } = 2;
    [JsonPropertyName("confidence_min")] public decimal ConfidenceMin { get; init; } = 0.70m;
    /// <summary>Kept in the config because the operator's documents set it; a run claims only recommendations whose ts is at or before its market time.</summary>
    [JsonPropertyName("lookback_window_minutes")] public int LookbackWindowMinutes { get; init; } = 60;
    [JsonPropertyName("processing_ttl_minutes")] public int ProcessingTtlMinutes { get; init; } = 10;
    [JsonPropertyName("max_bar_age_seconds")] public int MaxBarAgeSeconds { get; init; } = 120;
    [JsonPropertyName("max_feature_age_seconds")] public int MaxFeatureAgeSeconds { get; init; } = 300;
    [JsonPropertyName("allowed_actions")] public IReadOnlyList<TradeAction> AllowedActions { get; init; } = [TradeAction.BuyCall, TradeAction.BuyPut, TradeAction.BuyStock];
    [JsonPropertyName("paper_equity")] public decimal PaperEquity { get; init; } = 100000.0m;
    [JsonPropertyName("max_risk_per_trade_pct")] public decimal MaxRiskPerTradeFraction { get; init; } = 0.02m;
    [JsonPropertyName("default_slippage_bps")] public decimal DefaultSlippageBps { get; init; } = 5m;
    [JsonPropertyName("fill_model")] public string FillModel { get; init; } = FillModels.CloseSlip;
    [JsonPropertyName("stop_loss_atr_mult")] public decimal StopLossAtrMult { get; init; } = 2.0m;
    [JsonPropertyName("take_profit_risk_reward")] public decimal TakeProfitRiskReward { get; init; } = 2.0m;
    [JsonPropertyName("max_hold_minutes")] public int MaxHoldMinutes { get; init; } = 240;

    public static DispatcherConfig Defaults { get; } = new();

    static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Canonical JSON: every key, in declaration order, so equal configurations hash equally.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DispatcherConfig FromJson(string json) =>
        JsonSerializer.Deserialize<DispatcherConfig>(json, Json) ?? throw new InvalidOperationException("Empty dispatcher configuration.");

    /// <summary>Lower-case hex SHA-256 of <see cref="ToJson"/>.</summary>
    public string Sha() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    public bool Equals(DispatcherConfig? other) => other is not null && ToJson() == other.ToJson();
    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}

/// <summary>Fill models the simulator knows.</summary>
public static class FillModels
{
    /// <summary>The bar's close moved against the trade by the slippage.</summary>
    public const string CloseSlip = "close+slip";
}
