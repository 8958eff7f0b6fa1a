using System.Globalization;

namespace Tradewire.Cli.Shakedown;

/// <summary>
/// The shakedown plan's day-7 validation questions over the window, answered from the dispatcher's data with the
/// plan's thresholds, the descriptive analyses behind them, and the week's baseline.
/// </summary>
public static class ShakedownWeek
{
    public const decimal MaxRejectionPct = 95;
    public const decimal MinNotional = 500;
    public const decimal MaxNotional = 25_000;

    public static async Task<(IReadOnlyList<ShakedownLine> Lines, ShakedownBaseline Baseline)> Check(Db dispatcher, DateOnly first, DateOnly last,
        DateTimeOffset from, DateTimeOffset to)
    {
        static string F(decimal v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        var lines = new List<ShakedownLine>();
        var perDay = await dispatcher.Rows("""
            SELECT to_char(DATE(simulated_ts), 'YYYY-MM-DD'), COUNT(*) FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2 GROUP BY 1 ORDER BY 1
            """, from, to);
        var executions = perDay.Sum(r => (long)r[1]!);
        lines.Add(new("1. Are executions happening?", "yes: >= 1 execution", executions == 0 ? "no: 0 executions"
            : $"yes: {executions} ({string.Join(", ", perDay.Select(r => $"{r[0]} {r[1]}"))})", executions > 0, true));

        var stuck = await dispatcher.Scalar("""
            SELECT COUNT(*) FROM dispatch_recommendations
            WHERE status = 'PROCESSING' AND processed_at IS NULL AND ts >= $1 AND ts < $2
              AND ts < coalesce((SELECT max(market_minute) FROM dispatcher_runs WHERE market_minute >= $1 AND market_minute < $2), $2) - INTERVAL '10 minutes'
            """, 0L, from, to);
        lines.Add(new("2. Is the reaper working? (no stuck PROCESSING rows)", "yes: 0 stuck", stuck == 0 ? "yes: 0 stuck" : $"no: {stuck} stuck", stuck == 0, true));

        var decided = (await dispatcher.Rows("""
            SELECT COUNT(*) FILTER (WHERE status = 'SKIPPED'), COUNT(*) FILTER (WHERE status = 'SIMULATED')
            FROM dispatch_recommendations WHERE processed_at >= $1 AND processed_at < $2
            """, from, to))[0];
        var (skipped, simulated) = ((long)decided[0]!, (long)decided[1]!);
        var rejection = skipped + simulated == 0 ? 0 : 100m * skipped / (skipped + simulated);
        lines.Add(new("3. Are gates reasonable? (not rejecting 95% of signals)", $"< {MaxRejectionPct} % rejected (60-80 % is normal)",
            $"{F(rejection)} % ({skipped} skipped of {skipped + simulated} decided)", skipped + simulated > 0 && rejection < MaxRejectionPct, true));
        lines.Add(await TopGate(dispatcher, from, to, skipped));

        var sizes = (await dispatcher.Rows("""
            SELECT coalesce(MIN(notional), 0), coalesce(MAX(notional), 0), coalesce(AVG(notional), 0),
                   COUNT(*) FILTER (WHERE notional < $3 OR notional > $4), coalesce(MIN(qty), 0), coalesce(MAX(qty), 0)
            FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2
            """, from, to, MinNotional, MaxNotional))[0];
        var outside = (long)sizes[3]!;
        lines.Add(new("4. Are position sizes sane? ($500-$25K per trade)", $"0 trades outside ${MinNotional:0}-${MaxNotional:0}",
            $"{outside} outside; notional min ${F((decimal)sizes[0]!, "N0")}, max ${F((decimal)sizes[1]!, "N0")}, avg ${F((decimal)sizes[2]!, "N0")}; qty {sizes[4]}-{sizes[5]}",
            outside == 0, true));

        var reused = await dispatcher.Scalar("""
            SELECT COUNT(*) FROM (SELECT recommendation_id FROM dispatch_executions GROUP BY recommendation_id HAVING COUNT(DISTINCT execution_id) > 1) d
            """, 0L);
        lines.Add(new("5. Is execution_id unique per recommendation_id? (idempotency)", "yes: 0 recommendations with 2+ executions",
            reused == 0 ? "yes: 0" : $"no: {reused} recommendations", reused == 0, true));

        var tickers = await dispatcher.Rows("""
            SELECT ticker, COUNT(*) as exec_count, AVG(confidence) as avg_confidence, AVG(notional) as avg_notional
            FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2 GROUP BY ticker ORDER BY exec_count DESC, ticker LIMIT 15
            """, from, to);
        var topShare = executions == 0 ? 0 : 100m * (long)tickers[0][1]! / executions;
        lines.Add(new("ticker distribution: diversification", "no ticker with 80 %+ of executions",
            executions == 0 ? "no executions" : $"top {tickers[0][0]} {F(topShare)} % of {executions}", topShare < 80, false));
        var stops = (await dispatcher.Rows("""
            SELECT AVG((stop_loss_price - entry_price) / entry_price), AVG((take_profit_price - entry_price) / entry_price)
            FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2 AND action LIKE 'BUY%'
            """, from, to))[0];
        var ratio = stops[0] is decimal s && s != 0 && stops[1] is decimal t ? Math.Abs(t / s) : 0;
        lines.Add(new("stop/TP distance (longs): TP about 2x the stop", "1.8-2.2 x",
            stops[0] is null ? "no long executions" : $"{F(ratio, "0.00")} x (stop {F((decimal)stops[0]! * 100, "0.00")} %, TP {F((decimal)stops[1]! * 100, "0.00")} %)",
            ratio is >= 1.8m and <= 2.2m, false));

        var totals = (await dispatcher.Rows("""
            SELECT COUNT(DISTINCT ticker), coalesce(AVG(confidence), 0), coalesce(AVG(notional), 0) FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2
            """, from, to))[0];
        var baseline = new ShakedownBaseline(first, last, executions, (long)totals[0]!, Math.Round((decimal)totals[1]!, 4), Math.Round(rejection, 1),
            Math.Round((decimal)totals[2]!, 2), executions == 0 ? null : (string)tickers[0][0]!);
        return (lines, baseline);
    }

    /// <summary>Which gate rejects most: the share of skipped recommendations each gate failed (the plan's gate rejection patterns).</summary>
    static async Task<ShakedownLine> TopGate(Db dispatcher, DateTimeOffset from, DateTimeOffset to, long skipped)
    {
        var gates = (await dispatcher.Rows("""
            SELECT g.key, COUNT(*) FROM dispatch_recommendations r, jsonb_each(r.risk_gate_json) g
            WHERE r.status = 'SKIPPED' AND r.processed_at >= $1 AND r.processed_at < $2 AND jsonb_typeof(g.value) = 'object' AND g.value->>'passed' = 'false'
            GROUP BY 1 ORDER BY 2 DESC, 1
            """, from, to)).Select(r => ((string)r[0]!, (long)r[1]!)).ToList();
        if (gates.Count == 0 || skipped == 0)
            return new("gate rejection patterns: no single gate rejects 80 %+", "< 80 % of skipped per gate", "no gate failures recorded", true, false);
        var share = 100m * gates[0].Item2 / skipped;
        return new("gate rejection patterns: no single gate rejects 80 %+", "< 80 % of skipped per gate",
            string.Join(", ", gates.Select(g => $"{g.Item1} {(100m * g.Item2 / skipped).ToString("0.#", CultureInfo.InvariantCulture)} %")), share < 80, false);
    }
}
