namespace Tradewire.Cli.Outcomes;

/// <summary>
/// The <c>outcomes</c> row of one decision. The upsert rewrites a row only when some value differs from the stored
/// one and returns a row only then, so the count of returned rows is the count of rows actually written.
/// </summary>
public static class OutcomeRow
{
    public const string Upsert = """
        INSERT INTO outcomes (recommendation_id, trading_date, kind, execution_id, ticker, action, side, decision_minute, skip_reason,
            base_close, fwd_ret_1m, fwd_ret_5m, fwd_ret_15m, fwd_ret_60m, levels_source, entry_price, stop_price, target_price,
            first_hit, first_hit_minute, same_bar_ambiguous, window_end_minute, mae, mfe, mae_r, mfe_r,
            regime, regime_trend, regime_recent_vol, regime_vol_vs_median, null_reasons)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
            $27, $28, $29, $30, $31::jsonb)
        ON CONFLICT (recommendation_id) DO UPDATE SET trading_date = EXCLUDED.trading_date, kind = EXCLUDED.kind,
            execution_id = EXCLUDED.execution_id, ticker = EXCLUDED.ticker, action = EXCLUDED.action, side = EXCLUDED.side,
            decision_minute = EXCLUDED.decision_minute, skip_reason = EXCLUDED.skip_reason, base_close = EXCLUDED.base_close,
            fwd_ret_1m = EXCLUDED.fwd_ret_1m, fwd_ret_5m = EXCLUDED.fwd_ret_5m, fwd_ret_15m = EXCLUDED.fwd_ret_15m,
            fwd_ret_60m = EXCLUDED.fwd_ret_60m, levels_source = EXCLUDED.levels_source, entry_price = EXCLUDED.entry_price,
            stop_price = EXCLUDED.stop_price, target_price = EXCLUDED.target_price, first_hit = EXCLUDED.first_hit,
            first_hit_minute = EXCLUDED.first_hit_minute, same_bar_ambiguous = EXCLUDED.same_bar_ambiguous,
            window_end_minute = EXCLUDED.window_end_minute, mae = EXCLUDED.mae, mfe = EXCLUDED.mfe, mae_r = EXCLUDED.mae_r,
            mfe_r = EXCLUDED.mfe_r, regime = EXCLUDED.regime, regime_trend = EXCLUDED.regime_trend,
            regime_recent_vol = EXCLUDED.regime_recent_vol, regime_vol_vs_median = EXCLUDED.regime_vol_vs_median,
            null_reasons = EXCLUDED.null_reasons
        WHERE (outcomes.*) IS DISTINCT FROM (EXCLUDED.*)
        RETURNING recommendation_id
        """;

    public static object[] Parameters(DateOnly date, OutcomeDecision d, OutcomeLabel l, DateTimeOffset windowEnd, string? regime,
        (DateTimeOffset Minute, bool Ready, decimal? Trend, decimal? RecentVol) features, decimal? volVsMedian, string nullReasonsJson) =>
    [
        d.RecommendationId, date, d.Kind, Or(d.ExecutionId), d.Ticker, d.Action, d.Side, d.DecisionMinute, Or(d.SkipReason),
        Or(l.BaseClose), Or(l.ForwardReturns[1]), Or(l.ForwardReturns[5]), Or(l.ForwardReturns[15]), Or(l.ForwardReturns[60]),
        d.LevelsSource, Or(d.Entry), Or(d.Stop), Or(d.Target),
        Or(l.FirstHit), Or(l.FirstHitMinute), l.SameBarAmbiguous, windowEnd, Or(l.Mae), Or(l.Mfe), Or(l.MaeR), Or(l.MfeR),
        Or(regime), Or(features.Trend), Or(features.RecentVol), Or(volVsMedian), nullReasonsJson,
    ];

    static object Or<T>(T? value) where T : struct => value is { } v ? v : DBNull.Value;

    static object Or(string? value) => value is null ? DBNull.Value : value;
}
