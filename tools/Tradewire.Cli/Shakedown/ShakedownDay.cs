using System.Globalization;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Shakedown;

/// <summary>
/// The shakedown plan's four daily checks for one trading date, on the dispatcher's database, with the plan's
/// queries bounded by the New York day instead of CURRENT_DATE / NOW() (the data's market time, so a replayed or
/// past day is judged like today). The stuck-PROCESSING cut-off is ten minutes before the last minute the
/// dispatcher ran that day.
/// </summary>
public static class ShakedownDay
{
    public static async Task<IReadOnlyList<ShakedownLine>> Check(Db dispatcher, DateOnly date)
    {
        var (from, to) = MarketTimeZone.DayBounds(date);
        var d = $"{date:yyyy-MM-dd}";
        var lines = new List<ShakedownLine>();

        // 1. Processing health check.
        var status = (await dispatcher.Rows("""
            SELECT status, COUNT(*) FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2 GROUP BY status ORDER BY COUNT(*) DESC
            """, from, to)).ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        long S(string s) => status.GetValueOrDefault(s);
        lines.Add(Range($"{d} processing health: PENDING", S("PENDING"), 0, 20, false));
        lines.Add(Range($"{d} processing health: SIMULATED", S("SIMULATED"), 10, 100, false));
        lines.Add(Range($"{d} processing health: SKIPPED", S("SKIPPED"), 50, 200, false));
        lines.Add(Range($"{d} processing health: PROCESSING (should never persist)", S("PROCESSING"), 0, 0, true));
        lines.Add(Range($"{d} processing health: FAILED (occasional errors acceptable)", S("FAILED"), 0, 5, true));

        // 2. Stuck PROCESSING detection.
        var stuck = await dispatcher.Scalar("""
            SELECT COUNT(*) FROM dispatch_recommendations
            WHERE status = 'PROCESSING' AND processed_at IS NULL AND ts >= $1 AND ts < $2
              AND ts < coalesce((SELECT max(market_minute) FROM dispatcher_runs WHERE market_minute >= $1 AND market_minute < $2), $2) - INTERVAL '10 minutes'
            """, 0L, from, to);
        lines.Add(Range($"{d} stuck PROCESSING rows (reaper clears them)", stuck, 0, 0, true));

        // 3. Execution volume.
        var volume = (await dispatcher.Rows("""
            SELECT COUNT(*), COUNT(DISTINCT ticker), coalesce(SUM(notional), 0) FROM dispatch_executions WHERE simulated_ts >= $1 AND simulated_ts < $2
            """, from, to))[0];
        lines.Add(Range($"{d} executions", (long)volume[0]!, 5, 50, false));
        lines.Add(Range($"{d} unique tickers executed", (long)volume[1]!, 5, 20, false));
        var notional = (decimal)volume[2]!;
        lines.Add(new($"{d} total notional", "$10K-$100K", $"${notional.ToString("N0", CultureInfo.InvariantCulture)}", notional is >= 10_000 and <= 100_000, false));

        // 4. Dispatcher run stats (started_at/finished_at are wall-clock telemetry: the day is chosen by the run's market minute).
        var runs = (await dispatcher.Rows("""
            SELECT COUNT(*), coalesce(MAX(pulled_count), 0), coalesce(MAX(simulated_count), 0), coalesce(SUM(failed_count), 0),
                   coalesce(MAX(EXTRACT(EPOCH FROM (finished_at - started_at))), 0)::float8
            FROM dispatcher_runs WHERE market_minute >= $1 AND market_minute < $2
            """, from, to))[0];
        var count = (long)runs[0]!;
        lines.Add(new($"{d} dispatcher runs: longest duration", "<= 10 s (plan: 2-10 s)", $"{(double)runs[4]!:0.###} s over {count} runs", (double)runs[4]! <= 10, false));
        lines.Add(Range($"{d} dispatcher runs: most pulled in one run", Convert.ToInt64(runs[1], CultureInfo.InvariantCulture), 0, 10, false));
        lines.Add(Range($"{d} dispatcher runs: most simulated in one run", Convert.ToInt64(runs[2], CultureInfo.InvariantCulture), 0, 10, false));
        lines.Add(Range($"{d} dispatcher runs: failed", Convert.ToInt64(runs[3], CultureInfo.InvariantCulture), 0, 0, true));
        return lines;
    }

    static ShakedownLine Range(string name, long observed, long min, long max, bool required) =>
        new(name, min == max ? $"{min}" : $"{min}-{max}", observed.ToString(CultureInfo.InvariantCulture), observed >= min && observed <= max, required);
}
