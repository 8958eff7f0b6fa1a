using System.Text.Json;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// Applies an operator's JSON patch (for example <c>{"confidence_min": 0.65}</c>) to the current
/// configuration. All or nothing: any unknown key, wrong type or out-of-range value rejects the whole patch
/// and the current configuration stays.
/// <para>
/// The execution semantics are frozen: the entry pricing (close moved by 5 bps of slippage), the stop distance
/// (2 x ATR) and the take-profit ratio (2:1 reward to risk). A week's outcomes are comparable with the next only
/// if these stay put, so a patch may set them to their frozen value and to nothing else; thresholds (confidence,
/// limits, freshness, equity, risk per trade) stay tunable.
/// </para>
/// </summary>
public static class ConfigPatch
{
    delegate ConfigPatchResult Setter(DispatcherConfig config, JsonElement value, string key);

    static readonly Dictionary<string, Setter> Setters = new(StringComparer.Ordinal)
    {
        ["max_signals_per_run"] = Int(1, 1000, (c, v) => c with { MaxSignalsPerRun = v }),
        ["max_trades_per_ticker_per_day"] = Int(0, 1000, (c, v) => c with { MaxTradesPerTickerPerDay = v }),
        ["confidence_min"] = Dec(0m, 1m, (c, v) => c with { ConfidenceMin = v }),
        ["lookback_window_minutes"] = Int(1, 10080, (c, v) => c with { LookbackWindowMinutes = v }),
        ["processing_ttl_minutes"] = Int(1, 1440, (c, v) => c with { ProcessingTtlMinutes = v }),
        ["max_bar_age_seconds"] = Int(1, 86400, (c, v) => c with { MaxBarAgeSeconds = v }),
        ["max_feature_age_seconds"] = Int(1, 86400, (c, v) => c with { MaxFeatureAgeSeconds = v }),
        ["allowed_actions"] = Actions,
        ["paper_equity"] = Dec(0.01m, 1_000_000_000m, (c, v) => c with { PaperEquity = v }),
        ["max_risk_per_trade_pct"] = Dec(0.0001m, 0.25m, (c, v) => c with { MaxRiskPerTradeFraction = v }),
        ["default_slippage_bps"] = Frozen(DispatcherConfig.Defaults.DefaultSlippageBps, (c, v) => c with { DefaultSlippageBps = v }),
        ["fill_model"] = FillModel,
        ["stop_loss_atr_mult"] = Frozen(DispatcherConfig.Defaults.StopLossAtrMult, (c, v) => c with { StopLossAtrMult = v }),
        ["take_profit_risk_reward"] = Frozen(DispatcherConfig.Defaults.TakeProfitRiskReward, (c, v) => c with { TakeProfitRiskReward = v }),
        ["max_hold_minutes"] = Int(1, 1440, (c, v) => c with { MaxHoldMinutes = v }),
    };

    /// <summary>The keys a patch may set.</summary>
    public static IReadOnlyCollection<string> Keys => Setters.Keys;

    public static ConfigPatchResult Apply(DispatcherConfig current, string patchJson)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(patchJson); }
        catch (JsonException e) { return ConfigPatchResult.Reject("not_an_object", $"The patch is not valid JSON: {e.Message}"); }
        using (document)
            return Apply(current, document.RootElement);
    }

    public static ConfigPatchResult Apply(DispatcherConfig current, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
            return ConfigPatchResult.Reject("not_an_object", "The patch must be a JSON object of configuration keys.");
        var config = current;
        var any = false;
        foreach (var property in patch.EnumerateObject())
        {
            if (!Setters.TryGetValue(property.Name, out var set))
                return ConfigPatchResult.Reject("unknown_key",
                    $"Unknown key '{property.Name}'. Known keys: {string.Join(", ", Setters.Keys)}.");
            var result = set(config, property.Value, property.Name);
            if (!result.Accepted)
                return result;
            config = result.Config!;
            any = true;
        }
        return any ? ConfigPatchResult.Ok(config) : ConfigPatchResult.Reject("empty_patch", "The patch sets no key.");
    }

    static Setter Int(int min, int max, Func<DispatcherConfig, int, DispatcherConfig> with) => (c, v, key) =>
        v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i)
            ? ConfigPatchResult.Reject("wrong_type", $"'{key}' must be a whole number, got {v.GetRawText()}.")
            : i < min || i > max
                ? ConfigPatchResult.Reject("out_of_range", $"'{key}' must be between {min} and {max}, got {i}.")
                : ConfigPatchResult.Ok(with(c, i));

    static Setter Dec(decimal min, decimal max, Func<DispatcherConfig, decimal, DispatcherConfig> with) => (c, v, key) =>
        v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d)
            ? ConfigPatchResult.Reject("wrong_type", $"'{key}' must be a number, got {v.GetRawText()}.")
            : d < min || d > max
                ? ConfigPatchResult.Reject("out_of_range", $"'{key}' must be between {min} and {max}, got {d}.")
                : ConfigPatchResult.Ok(with(c, d));

    static Setter Frozen(decimal frozen, Func<DispatcherConfig, decimal, DispatcherConfig> with) => (c, v, key) =>
        v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d)
            ? ConfigPatchResult.Reject("wrong_type", $"'{key}' must be a number, got {v.GetRawText()}.")
            : d != frozen
                ? ConfigPatchResult.Reject("frozen",
                    $"'{key}' is frozen execution semantics at {frozen}; changing it would make the outcomes before and after incomparable. Got {d}.")
                : ConfigPatchResult.Ok(with(c, d));

    static ConfigPatchResult Actions(DispatcherConfig c, JsonElement v, string key)
    {
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            return ConfigPatchResult.Reject("wrong_type", $"'{key}' must be an array of action names, got {v.GetRawText()}.");
        var words = v.EnumerateArray().Select(a => a.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        var bad = words.FirstOrDefault(a => !Wire.TryParse<TradeAction>(a, out var action) || !TradeActions.Executable.Contains(action));
        return bad is not null
            ? ConfigPatchResult.Reject("out_of_range",
                $"'{key}' may only hold {string.Join(", ", TradeActions.Executable.Select(Wire.Name))}; '{bad}' cannot be executed.")
            : ConfigPatchResult.Ok(c with { AllowedActions = [.. words.Select(Wire.Parse<TradeAction>)] });
    }

    static ConfigPatchResult FillModel(DispatcherConfig c, JsonElement v, string key) =>
        v.ValueKind != JsonValueKind.String
            ? ConfigPatchResult.Reject("wrong_type", $"'{key}' must be a string, got {v.GetRawText()}.")
            : v.GetString() != FillModels.CloseSlip
                ? ConfigPatchResult.Reject("out_of_range", $"'{key}' must be '{FillModels.CloseSlip}', got '{v.GetString()}'.")
                : ConfigPatchResult.Ok(c with { FillModel = FillModels.CloseSlip });
}
