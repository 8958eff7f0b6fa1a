using System.Globalization;
using System.Text;

namespace Tradewire.Cli;

/// <summary>
/// The report printed after a replay: what each service recorded for the session, and the shakedown plan's
/// expectations checked against the dispatcher's and broker-gateway's tables (the seeds' ranges).
/// </summary>
public sealed class SessionReport(ReplayProgress progress, DateOnly date)
{
    readonly StringBuilder _md = new();

    public string Markdown => _md.ToString();

    public async Task<IReadOnlyList<SessionCheck>> Build()
    {
        var ingest = progress.For("ingest");
        var dispatcher = progress.For("dispatcher");
        var broker = progress.For("broker-gateway");
        _md.AppendLine($"# Tradewire session report: {date:yyyy-MM-dd}").AppendLine();

        _md.AppendLine("## What each service recorded").AppendLine();
        await Section("ingest: bars, rejections, news", ingest, """
            SELECT bars_published, bars_rejected, news_published, status FROM ingest_sessions
            """);
        await Section("ingest: rejected lines by reason", ingest, "SELECT kind, reason_code, count(*) FROM ingest_rejections GROUP BY 1, 2 ORDER BY 3 DESC, 2");
        await Section("classifier: news by sentiment", progress.For("classifier"),
            "SELECT sentiment_label, count(*), round(avg(confidence), 3) AS avg_confidence, count(*) FILTER (WHERE cardinality(tickers) > 0) AS with_tickers FROM inbound_events_classified GROUP BY 1 ORDER BY 1");
        await Section("features: rows and ready rows", progress.For("features"),
            "SELECT count(*) AS rows, count(*) FILTER (WHERE ready) AS ready, count(DISTINCT ticker) AS tickers FROM lane_features");
        await Section("watchlist: reranks and the final top 10", progress.For("watchlist"), """
            SELECT ts, rank, ticker, score, attribution FROM watchlist_state
            WHERE ts = (SELECT max(ts) FROM watchlist_state) ORDER BY rank LIMIT 10
            """);
        await Section("dispatcher: recommendations by status", dispatcher,
            "SELECT status, count(*) FROM dispatch_recommendations GROUP BY status ORDER BY count(*) DESC");
        await Section("dispatcher: executions", dispatcher, """
            SELECT count(*) AS executions, count(DISTINCT ticker) AS tickers, round(sum(notional), 2) AS total_notional,
                   round(min(notional), 2) AS min_notional, round(max(notional), 2) AS max_notional
            FROM dispatch_executions
            """);
        await Section("broker-gateway: orders by role and status", broker,
            "SELECT leg_role, status, count(*) FROM orders GROUP BY 1, 2 ORDER BY 1, 2");
        await Section("broker-gateway: realized P&L", broker,
            "SELECT count(*) AS tickers, round(sum(realized_pnl), 2) AS realized_pnl, count(*) FILTER (WHERE qty <> 0) AS open_positions FROM positions");
        await Section("broker-gateway: risk events", broker, "SELECT reason_code, count(*) FROM risk_events GROUP BY 1 ORDER BY 2 DESC");

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

        var processing = await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE status = 'PROCESSING'", -1L);
        checks.Add(new SessionCheck("PROCESSING rows", "0", processing.ToString(CultureInfo.InvariantCulture), processing == 0));
        Range("FAILED rows", 0, 5, await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE status = 'FAILED'", -1L));
        Range("executions", 5, 50, await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions", -1L));
        Range("executed tickers", 5, 20, await dispatcher.Scalar("SELECT count(DISTINCT ticker) FROM dispatch_executions", -1L));
        Range("smallest position notional", 500, 25000, await dispatcher.Scalar("SELECT min(notional) FROM dispatch_executions", -1m), " $");
        Range("largest position notional", 500, 25000, await dispatcher.Scalar("SELECT max(notional) FROM dispatch_executions", -1m), " $");
        var qtyZero = await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions WHERE qty <= 0", -1L);
        checks.Add(new SessionCheck("executions with qty 0", "0", qtyZero.ToString(CultureInfo.InvariantCulture), qtyZero == 0));
        Range("take-profit distance / stop distance", 1.99m, 2.01m, await dispatcher.Scalar(
            "SELECT round(avg(abs(take_profit_price - entry_price) / nullif(abs(entry_price - stop_loss_price), 0)), 3) FROM dispatch_executions", -1m));
        var volCorrelation = await dispatcher.Scalar("""
            SELECT round(corr((sim_json->'features_used'->>'recent_vol')::numeric, abs(entry_price - stop_loss_price) / entry_price)::numeric, 3)
            FROM dispatch_executions
            """, -1m);
        checks.Add(new SessionCheck("stop distance vs recent_vol (correlation)", "> 0.9", volCorrelation.ToString(CultureInfo.InvariantCulture), volCorrelation > 0.9m));
        var rejection = await dispatcher.Scalar("""
            SELECT round(100.0 * count(*) FILTER (WHERE status = 'SKIPPED') / nullif(count(*) FILTER (WHERE status IN ('SKIPPED', 'SIMULATED')), 0), 1)
            FROM dispatch_recommendations
            """, -1m);
        Range("gate rejection share", 60, 95, rejection, " %");
        var dupReco = await dispatcher.Scalar("SELECT count(*) FROM (SELECT recommendation_id FROM dispatch_executions GROUP BY 1 HAVING count(*) > 1) d", -1L);
        checks.Add(new SessionCheck("execution_id unique per recommendation_id", "0 duplicates", dupReco.ToString(CultureInfo.InvariantCulture), dupReco == 0));
        var dupOrders = await broker.Scalar("SELECT count(*) FROM (SELECT client_order_id FROM orders GROUP BY 1 HAVING count(*) > 1) d", -1L);
        checks.Add(new SessionCheck("duplicate client_order_id", "0", dupOrders.ToString(CultureInfo.InvariantCulture), dupOrders == 0));
        var open = await broker.Scalar("SELECT count(*) FROM positions WHERE qty <> 0", -1L);
        checks.Add(new SessionCheck("open positions after the close", "0", open.ToString(CultureInfo.InvariantCulture), open == 0));
        var working = await broker.Scalar("SELECT count(*) FROM orders WHERE status IN ('NEW', 'WORKING', 'PARTIALLY_FILLED', 'ACCEPTED')", -1L);
        checks.Add(new SessionCheck("open orders after the close", "0", working.ToString(CultureInfo.InvariantCulture), working == 0));
        return checks;
    }

    async Task Section(string title, Db db, string sql)
    {
        _md.AppendLine($"### {title}").AppendLine();
        var table = await db.Table(sql);
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
