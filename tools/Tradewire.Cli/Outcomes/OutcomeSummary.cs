using System.Globalization;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// The day's outcome labels in a few lines, per kind (executions, skipped): how many, which of stop or target
/// was hit first, and the mean forward returns in the trade's direction (a short gains when the price falls).
/// Information beside the burn-in verdict, not a criterion of it.
/// </summary>
public static class OutcomeSummary
{
    public static async Task<IReadOnlyList<string>> Lines(Db dispatcher, DateOnly date)
    {
        var table = await dispatcher.Table("""
            SELECT kind, count(*), count(*) FILTER (WHERE first_hit = 'STOP'), count(*) FILTER (WHERE first_hit = 'TARGET'),
                   count(*) FILTER (WHERE first_hit = 'NEITHER'), count(*) FILTER (WHERE same_bar_ambiguous),
                   avg(CASE side WHEN 'SELL' THEN -fwd_ret_1m ELSE fwd_ret_1m END), count(fwd_ret_1m),
                   avg(CASE side WHEN 'SELL' THEN -fwd_ret_5m ELSE fwd_ret_5m END), count(fwd_ret_5m),
                   avg(CASE side WHEN 'SELL' THEN -fwd_ret_15m ELSE fwd_ret_15m END), count(fwd_ret_15m),
                   avg(CASE side WHEN 'SELL' THEN -fwd_ret_60m ELSE fwd_ret_60m END), count(fwd_ret_60m)
            FROM outcomes WHERE trading_date = $1 GROUP BY kind ORDER BY kind
            """, date);
        if (table is not { Rows.Count: > 0 } t)
            return [$"outcomes {date:yyyy-MM-dd}: none labelled (./tradewire outcomes --date {date:yyyy-MM-dd})"];
        return t.Rows.Select(r =>
            $"outcomes {date:yyyy-MM-dd} {((string)r[0]!).ToLowerInvariant()}: {r[1]} labelled; first hit stop {r[2]} / target {r[3]} / neither {r[4]}" +
            $" ({r[5]} same-bar, counted as stop); mean forward return in the trade's direction: " +
            string.Join(", ", new[] { 1, 5, 15, 60 }.Select((h, i) => $"{h}m {Percent(r[6 + 2 * i])} (n={r[7 + 2 * i]})"))).ToList();
    }

    static string Percent(object? mean) => mean is decimal m ? (m * 100).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) + " %" : "n/a";
}
