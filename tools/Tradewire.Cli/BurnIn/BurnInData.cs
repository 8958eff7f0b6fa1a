namespace Tradewire.Cli.BurnIn;

/// <summary>Everything the burn-in report reads, from the broker-gateway's, the dispatcher's and ingest's databases.</summary>
public sealed record BurnInData(
    IReadOnlyList<BracketOutcome> Brackets,
    IReadOnlyList<(DateTimeOffset At, string ReasonCode, string Severity, string? Ticker, string Actor, string Detail)> RiskEvents,
    IReadOnlyList<(string Role, string Status, long Count)> Orders,
    long Signals, long Executions, long OrdersWithoutConfigSha, long DuplicateClientOrderIds, long OpenPositions, long OpenOrders)
{
    public static async Task<BurnInData> Load(Func<string, Db> db, DateOnly date, decimal equity)
    {
        var broker = db("broker-gateway");
        var rows = await broker.Rows("""
            SELECT execution_id, ticker, side, filled_qty, avg_entry_price, stop_price, exit_price, exit_reason, realized_pnl, entry_filled_at, closed_at
            FROM brackets WHERE filled_qty > 0 AND (entry_filled_at AT TIME ZONE 'America/New_York')::date = $1 ORDER BY entry_filled_at, execution_id
            """, date);
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
            SELECT at, reason_code, severity, ticker, actor, detail_json::text FROM risk_events
            WHERE (at AT TIME ZONE 'America/New_York')::date = $1 OR actor <> 'system' ORDER BY at, id
            """, date))
            .Select(e => ((DateTimeOffset)(DateTime)e[0]!, (string)e[1]!, (string)e[2]!, e[3] as string, (string)e[4]!, (string)e[5]!)).ToList();
        var orders = (await broker.Rows("SELECT leg_role, status, count(*) FROM orders GROUP BY 1, 2 ORDER BY 1, 2"))
            .Select(o => ((string)o[0]!, (string)o[1]!, (long)o[2]!)).ToList();
        var dispatcher = db("dispatcher");
        return new BurnInData(brackets, events, orders,
            await dispatcher.Scalar("SELECT count(*) FROM dispatch_recommendations", 0L),
            await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions", 0L),
            await broker.Scalar("SELECT count(*) FROM orders WHERE config_sha IS NULL OR config_sha = ''", 0L),
            await broker.Scalar("SELECT count(*) FROM (SELECT client_order_id FROM orders GROUP BY 1 HAVING count(*) > 1) d", 0L),
            await broker.Scalar("SELECT count(*) FROM positions WHERE qty <> 0", 0L),
            await broker.Scalar("SELECT count(*) FROM orders WHERE status NOT IN ('FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED')", 0L));
    }
}
