using System.Globalization;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.RealMarket;

/// <summary>
/// What the running pipeline did with one replayed day, read from the dispatcher's database: signals by rule
/// (the rule named in each recommendation's reasons), the confidence distribution, refusals by failed gate (a
/// recommendation failing two gates counts under both; other skip reasons, such as an expired claim, by name) and
/// executions. The same columns as the table in docs/strategy-on-real-markets.md.
/// </summary>
public sealed record RealMarketDay(DateOnly Date, int Bars, IReadOnlyDictionary<string, long> ByRule,
    IReadOnlyList<long> ConfidenceBuckets, decimal? MaxConfidence, IReadOnlyDictionary<string, long> Refusals, long Executions)
{
    static readonly string[] Rules = ["momentum_breakout", "momentum_breakdown", "news_momentum", "range_premium"];

    public long Signals => ByRule.Values.Sum();

    public static async Task<RealMarketDay> Read(Db dispatcher, DateOnly date, int bars)
    {
        var (from, to) = MarketTimeZone.DayBounds(date);
        var byRule = (await dispatcher.Rows(
                "SELECT reason->>'rule', count(*) FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2 GROUP BY 1", from, to))
            .ToDictionary(r => (string?)r[0] ?? "(none)", r => (long)r[1]!);
        var buckets = (await dispatcher.Rows("""
            SELECT count(*) FILTER (WHERE confidence < 0.5), count(*) FILTER (WHERE confidence >= 0.5 AND confidence < 0.6),
                   count(*) FILTER (WHERE confidence >= 0.6 AND confidence < 0.7), count(*) FILTER (WHERE confidence >= 0.7),
                   max(confidence)
            FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2
            """, from, to))[0];
        var refusals = (await dispatcher.Rows("""
            SELECT reason, count(*) FROM (
                SELECT g.key AS reason FROM dispatch_recommendations r, jsonb_each(r.risk_gate_json) g
                WHERE r.ts >= $1 AND r.ts < $2 AND r.status = 'SKIPPED' AND (g.value->>'passed')::boolean = false
                UNION ALL
                SELECT skip_reason FROM dispatch_recommendations
                WHERE ts >= $1 AND ts < $2 AND status = 'SKIPPED' AND risk_gate_json IS NULL) s
            GROUP BY reason ORDER BY reason
            """, from, to)).ToDictionary(r => (string?)r[0] ?? "(none)", r => (long)r[1]!, StringComparer.Ordinal);
        var executions = await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2", 0L, from, to);
        return new RealMarketDay(date, bars, byRule, [.. buckets[..4].Select(b => (long)b!)], (decimal?)buckets[4],
            new SortedDictionary<string, long>(refusals, StringComparer.Ordinal), executions);
    }

    public static string Header =>
        "| date | bars | signals | breakout | breakdown | news | premium | conf <0.5 | 0.5-0.6 | 0.6-0.7 | >=0.70 | max conf | refusals | executions |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public override string ToString()
    {
        var refusals = Refusals.Count == 0 ? "-" : string.Join(", ", Refusals.Select(kv => $"{kv.Key} {kv.Value}"));
        var max = MaxConfidence is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "-";
        return $"| {Date:yyyy-MM-dd} | {Bars} | {Signals} | {string.Join(" | ", Rules.Select(r => ByRule.GetValueOrDefault(r)))} | " +
            $"{string.Join(" | ", ConfidenceBuckets)} | {max} | {refusals} | {Executions} |";
    }
}
