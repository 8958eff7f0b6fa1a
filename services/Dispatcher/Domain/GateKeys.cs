namespace Tradewire.Dispatcher.Domain;

/// <summary>The five gates' keys in <c>risk_gate_json</c>, as the operator's queries read them.</summary>
public static class GateKeys
{
    public const string Confidence = "confidence";
    public const string ActionAllowed = "action_allowed";
    public const string BarFreshness = "bar_freshness";
    public const string FeatureFreshness = "feature_freshness";
    public const string TickerDailyLimit = "ticker_daily_limit";

    public static readonly IReadOnlyList<string> All = [Confidence, ActionAllowed, BarFreshness, FeatureFreshness, TickerDailyLimit];
}
