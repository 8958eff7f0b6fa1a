using System.Globalization;
using System.Text;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli;

/// <summary>
/// The report of one trading date: what each service recorded on it, and the shakedown plan's expectations checked
/// against that day's rows of the dispatcher's and broker-gateway's tables (the plan's ranges are per day). Every
/// query is bounded by the New York day (<see cref="MarketTimeZone.DayBounds"/>: $1 and $2) or by the trading date
/// itself ($1), so databases that hold many days report each day alone.
/// </summary>
public sealed class SessionReport(ReplayProgress progress, DateOnly date)
{
    readonly StringBuilder _md = new();
    readonly object[] _bounds = [MarketTimeZone.DayBounds(date).Start, MarketTimeZone.DayBounds(date).End];
    readonly object[] _date = [date];

    public string Markdown => _md.ToString();

    public async Task<IReadOnlyList<SessionCheck>> Build()
    {
        var ingest = progress.For("ingest");
        var dispatcher = progress.For("dispatcher");
        var broker = progress.For("broker-gateway");
        _md.AppendLine($"# Tradewire session report: {date:yyyy-MM-dd}").AppendLine();

        _md.AppendLine("## What each service recorded").AppendLine();
        await Section("ingest: bars, rejections, news", ingest, """
            SELECT bars_published, bars_rejected, news_published, status FROM ingest_sessions WHERE session_date = $1
            """, _date);
        await Section("ingest: rejected lines by reason", ingest, """
            SELECT kind, reason_code, count(*) FROM ingest_rejections
            WHERE COALESCE(minute, rejected_at) >= $1 AND COALESCE(minute, rejected_at) < $2 GROUP BY 1, 2 ORDER BY 3 DESC, 2
            """, _bounds);
        await Section("classifier: news by sentiment", progress.For("classifier"), """
            SELECT sentiment_label, count(*), round(avg(confidence), 3) AS avg_confidence, count(*) FILTER (WHERE cardinality(tickers) > 0) AS with_tickers
            FROM inbound_events_classified WHERE minute >= $1 AND minute < $2 GROUP BY 1 ORDER BY 1
            """, _bounds);
        await Section("features: rows and ready rows", progress.For("features"), """
            SELECT count(*) AS rows, count(*) FILTER (WHERE ready) AS ready, count(DISTINCT ticker) AS tickers FROM lane_features
            WHERE minute >= $1 AND minute < $2
            """, _bounds);
        await Section("watchlist: reranks and the final top 10", progress.For("watchlist"), """
            SELECT ts, rank, ticker, score, attribution FROM watchlist_state
            WHERE ts = (SELECT max(ts) FROM watchlist_state WHERE ts >= $1 AND ts < $2) ORDER BY rank LIMIT 10
            """, _bounds);
        await Section("dispatcher: recommendations by status", dispatcher, """
            SELECT status, count(*) FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2 GROUP BY status ORDER BY count(*) DESC
            """, _bounds);
        await Section("dispatcher: executions", dispatcher, """
            SELECT count(*) AS executions, count(DISTINCT ticker) AS tickers, round(sum(notional), 2) AS total_notional,
                   round(min(notional), 2) AS min_notional, round(max(notional), 2) AS max_notional
            FROM dispatch_executions WHERE trading_date = $1
            """, _date);
        await Section("broker-gateway: orders by role and status", broker, """
            SELECT leg_role, status, count(*) FROM orders WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2 ORDER BY 1, 2
            """, _bounds);
        await Section("broker-gateway: realized P&L", broker, """
            SELECT count(DISTINCT ticker) AS tickers, round(COALESCE(sum(realized_pnl), 0), 2) AS realized_pnl, count(*) AS brackets_closed
            FROM brackets WHERE closed_at >= $1 AND closed_at < $2
            """, _bounds);
        await Section("broker-gateway: risk events", broker, """
            SELECT reason_code, count(*) FROM risk_events WHERE at >= $1 AND at < $2 GROUP BY 1 ORDER BY 2 DESC
            """, _bounds);

        var checks = await Checks(dispatcher, broker);
        _md.AppendLine("## Shakedown expectations").AppendLine();
        _md.AppendLine("| check | expected | observed | |").AppendLine("|---|---|---|---|");
        foreach (var c in checks)
            _md.AppendLine($"| {c.Name} | {c.Expected} | {c.Observed} | {(c.Passed ? "pass" : "FAIL")} |");
        _md.AppendLine();
        return checks;
    }

    async Task<IReadOnlyList<SessionCheck>> Checks(Db dispatcher, Db broker)
    {
        var checks = new List<SessionCheck>();
        void Range(string name, decimal low, decimal high, decimal observed, string unit = "") =>
            checks.Add(new SessionCheck(name, $"{low.ToString(CultureInfo.InvariantCulture)}-{high.ToString(CultureInfo.InvariantCulture)}{unit}",
                observed.ToString("0.##", CultureInfo.InvariantCulture) + unit, observed >= low && observed <= high));
        Task<T> Day<T>(Db db, string sql, T fallback) => db.Scalar(sql, fallback, _bounds);
        Task<T> Date<T>(Db db, string sql, T fallback) => db.Scalar(sql, fallback, _date);

        // The day's recommendations: stamped on it (ts); its executions: those of its trading date.
        const string Recos = "FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2";
        const string Executions = "FROM dispatch_executions WHERE trading_date = $1";
        var processing = await Day(dispatcher, $"SELECT count(*) {Recos} AND status = 'PROCESSING'", -1L);
        checks.Add(new SessionCheck("PROCESSING rows", "0", processing.ToString(CultureInfo.InvariantCulture), processing == 0));
        Range("FAILED rows", 0, 5, await Day(dispatcher, $"SELECT count(*) {Recos} AND status = 'FAILED'", -1L));
        Range("executions", 5, 50, await Date(dispatcher, $"SELECT count(*) {Executions}", -1L));
        Range("executed tickers", 5, 20, await Date(dispatcher, $"SELECT count(DISTINCT ticker) {Executions}", -1L));
        Range("smallest position notional", 500, 25000, await Date(dispatcher, $"SELECT min(notional) {Executions}", -1m), " $");
        Range("largest position notional", 500, 25000, await Date(dispatcher, $"SELECT max(notional) {Executions}", -1m), " $");
        var qtyZero = await Date(dispatcher, $"SELECT count(*) {Executions} AND qty <= 0", -1L);
        checks.Add(new SessionCheck("executions with qty 0", "0", qtyZero.ToString(CultureInfo.InvariantCulture), qtyZero == 0));
        var perTicker = await Date(dispatcher, $"SELECT COALESCE(max(n), 0) FROM (SELECT count(*) AS n {Executions} GROUP BY ticker) t", -1L);
        checks.Add(new SessionCheck("most executions of one ticker", "<= max_trades_per_ticker_per_day (2)",
            perTicker.ToString(CultureInfo.InvariantCulture), perTicker is >= 0 and <= 2));
        Range("take-profit distance / stop distance", 1.99m, 2.01m, await Date(dispatcher,
            $"SELECT round(avg(abs(take_profit_price - entry_price) / nullif(abs(entry_price - stop_loss_price), 0)), 3) {Executions}", -1m));
        var volCorrelation = await Date(dispatcher, $"""
            SELECT round(corr((sim_json->'features_used'->>'recent_vol')::numeric, abs(entry_price - stop_loss_price) / entry_price)::numeric, 3)
            {Executions}
            """, -1m);
        checks.Add(new SessionCheck("stop distance vs recent_vol (correlation)", "> 0.9", volCorrelation.ToString(CultureInfo.InvariantCulture), volCorrelation > 0.9m));
        var rejection = await Day(dispatcher, $"""
            SELECT round(100.0 * count(*) FILTER (WHERE status = 'SKIPPED') / nullif(count(*) FILTER (WHERE status IN ('SKIPPED', 'SIMULATED')), 0), 1)
            {Recos}
            """, -1m);
        Range("gate rejection share", 60, 95, rejection, " %");
        var dupReco = await dispatcher.Scalar("SELECT count(*) FROM (SELECT recommendation_id FROM dispatch_executions GROUP BY 1 HAVING count(*) > 1) d", -1L);
        checks.Add(new SessionCheck("execution_id unique per recommendation_id", "0 duplicates", dupReco.ToString(CultureInfo.InvariantCulture), dupReco == 0));
        var dupOrders = await broker.Scalar("SELECT count(*) FROM (SELECT client_order_id FROM orders GROUP BY 1 HAVING count(*) > 1) d", -1L);
        checks.Add(new SessionCheck("duplicate client_order_id", "0", dupOrders.ToString(CultureInfo.InvariantCulture), dupOrders == 0));
        // Flat after the close: no bracket of the day still open and no order of the day still working (the
        // positions table is the current book, which a later day may have moved).
        var open = await Day(broker, """
            SELECT count(*) FROM brackets WHERE dispatch_minute >= $1 AND dispatch_minute < $2 AND state NOT IN ('CLOSED', 'REJECTED')
            """, -1L);
        checks.Add(new SessionCheck("open brackets after the close", "0", open.ToString(CultureInfo.InvariantCulture), open == 0));
        var working = await Day(broker, """
            SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2
              AND status IN ('NEW', 'WORKING', 'PARTIALLY_FILLED', 'ACCEPTED')
            """, -1L);
        checks.Add(new SessionCheck("open orders after the close", "0", working.ToString(CultureInfo.InvariantCulture), working == 0));
        return checks;
    }

    async Task Section(string title, Db db, string sql, object[] parameters)
    {
        _md.AppendLine($"### {title}").AppendLine();
        var table = await db.Table(sql, parameters);
        if (table is null)
        {
            _md.AppendLine("(not available: the table does not exist)").AppendLine();
            return;
        }
        var (columns, rows) = table.Value;
        _md.AppendLine("| " + string.Join(" | ", columns) + " |");
        _md.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var row in rows)
            _md.AppendLine("| " + string.Join(" | ", row.Select(Format)) + " |");
        if (rows.Count == 0)
            _md.AppendLine("| (no rows) |");
        _md.AppendLine();
    }

    static string Format(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
        string s => s.Length > 120 ? s[..117] + "..." : s.Replace("|", "/"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("|", "/"),
    };
}
