using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// Everything the burn-in report reads for one trading date, from the broker-gateway's, the dispatcher's and
/// ingest's databases. Each figure is that day's alone (bounded by the New York day, <see cref="MarketTimeZone.DayBounds"/>,
/// or by the trading date), since the burn-in's requirements are daily and the databases hold every day; only
/// the duplicate-id check looks at all days (an id reused on another day is a duplicate too).
/// </summary>
public sealed record BurnInData(
    IReadOnlyList<BracketOutcome> Brackets,
    IReadOnlyList<(DateTimeOffset At, string ReasonCode, string Severity, string? Ticker, string Actor, string Detail)> RiskEvents,
    IReadOnlyList<(string Role, string Status, long Count)> Orders,
    long Signals, long Executions, long OrdersWithoutConfigSha, long DuplicateClientOrderIds, long OpenBrackets, long OpenOrders,
    long EntriesAfterDailyLossStop)
{
    public static async Task<BurnInData> Load(Func<string, Db> db, DateOnly date, decimal equity)
    {
        var (from, to) = MarketTimeZone.DayBounds(date);
        var broker = db("broker-gateway");
        var rows = await broker.Rows("""
            SELECT execution_id, ticker, side, filled_qty, avg_entry_price, stop_price, exit_price, exit_reason, realized_pnl, entry_filled_at, closed_at
            FROM brackets WHERE filled_qty > 0 AND entry_filled_at >= $1 AND entry_filled_at < $2 ORDER BY entry_filled_at, execution_id
            """, from, to);
        var ingest = db("ingest");
        var brackets = new List<BracketOutcome>();
        foreach (var r in rows)
        {
            var entered = (DateTime)r[9]!;
            var closed = r[10] as DateTime?;
            var bars = (await ingest.Rows("SELECT minute, high, low FROM lane_telemetry WHERE ticker = $1 AND minute >= $2 AND minute <= $3 ORDER BY minute",
                    (string)r[1]!, entered.AddMinutes(-1), closed ?? entered.AddHours(12)))
                .Select(b => new Excursions.BarRange((DateTime)b[0]!, (decimal)b[1]!, (decimal)b[2]!)).ToList();
            var entry = (decimal)r[4]!;
            var stop = (decimal)r[5]!;
            var (mae, mfe) = Excursions.Of((string)r[2]!, entry, Math.Abs(entry - stop), bars);
            brackets.Add(new BracketOutcome((Guid)r[0]!, (string)r[1]!, (string)r[2]!, (decimal)r[3]!, entry, stop, r[6] as decimal?, r[7] as string,
                (decimal)r[8]!, entered, closed, mae, mfe));
        }
        var events = (await broker.Rows("""
            SELECT at, reason_code, severity, ticker, actor, detail_json::text FROM risk_events WHERE at >= $1 AND at < $2 ORDER BY at, id
            """, from, to))
            .Select(e => ((DateTimeOffset)(DateTime)e[0]!, (string)e[1]!, (string)e[2]!, e[3] as string, (string)e[4]!, (string)e[5]!)).ToList();
        var orders = (await broker.Rows("SELECT leg_role, status, count(*) FROM orders WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2 ORDER BY 1, 2", from, to))
            .Select(o => ((string)o[0]!, (string)o[1]!, (long)o[2]!)).ToList();
        var dispatcher = db("dispatcher");
        return new BurnInData(brackets, events, orders,
            await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations WHERE ts >= $1 AND ts < $2", 0L, from, to),
            await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions WHERE trading_date = $1", 0L, date),
            await broker.Scalar("SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2 AND (config_sha IS NULL OR config_sha = '')", 0L, from, to),
            await broker.Scalar("SELECT count(*) FROM (SELECT client_order_id FROM orders GROUP BY 1 HAVING count(*) > 1) d", 0L),
            await broker.Scalar("SELECT count(*) FROM brackets WHERE dispatch_minute >= $1 AND dispatch_minute < $2 AND state NOT IN ('CLOSED', 'REJECTED')", 0L, from, to),
            await broker.Scalar("""
                SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2 AND status NOT IN ('FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED')
                """, 0L, from, to),
            // The daily loss stop halts entries for the rest of the day: none may be sent after the day's halt.
            await broker.Scalar("""
                SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND created_at >= $1 AND created_at < $2
                  AND created_at >= (SELECT min(at) FROM risk_events WHERE reason_code = 'DAILY_LOSS_EXCEEDED' AND ticker IS NULL AND at >= $1 AND at < $2)
                """, 0L, from, to));
    }
}
