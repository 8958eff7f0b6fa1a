namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// The dispatcher's five risk gates. Every gate is always evaluated (so every decision logs all five):
/// confidence &gt;= confidence_min; action in allowed_actions; bar age &lt;= max_bar_age_seconds; feature age
/// &lt;= max_feature_age_seconds; executions of the ticker on the New York trading date &lt; max_trades_per_ticker_per_day.
/// Ages are measured at the run's market time, in whole seconds rounded down.
/// </summary>
public static class RiskGates
{
    public static GateEvaluation Evaluate(DispatchCandidate candidate, MarketSnapshot snapshot, DateTimeOffset marketTime,
        int executionsToday, DispatcherConfig config)
    {
        var barAge = AgeSeconds(marketTime, snapshot.BarTs);
        var featureAge = AgeSeconds(marketTime, snapshot.FeatureTs);
        return new GateEvaluation(
        [
            new GateResult(GateKeys.Confidence, candidate.Recommendation.Confidence >= config.ConfidenceMin, candidate.Recommendation.Confidence, config.ConfidenceMin),
            new GateResult(GateKeys.ActionAllowed, config.AllowedActions.Contains(candidate.Recommendation.Action),
                candidate.Recommendation.Action, config.AllowedActions),
            new GateResult(GateKeys.BarFreshness, barAge <= config.MaxBarAgeSeconds, barAge, config.MaxBarAgeSeconds),
            new GateResult(GateKeys.FeatureFreshness, featureAge <= config.MaxFeatureAgeSeconds, featureAge, config.MaxFeatureAgeSeconds),
            new GateResult(GateKeys.TickerDailyLimit, executionsToday < config.MaxTradesPerTickerPerDay, executionsToday,
                config.MaxTradesPerTickerPerDay),
        ]);
    }

    /// <summary>Seconds from <paramref name="at"/> to <paramref name="marketTime"/>, rounded down; a time in the future is age 0.</summary>
    public static long AgeSeconds(DateTimeOffset marketTime, DateTimeOffset at) =>
        Math.Max(0, (long)Math.Floor((marketTime - at).TotalSeconds));
}
