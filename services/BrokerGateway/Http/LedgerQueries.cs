using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;

namespace Tradewire.BrokerGateway.Http;

/// <summary>Read side of the operator endpoints: risk summary, positions, Prometheus metrics (trader_*).</summary>
public sealed class LedgerQueries(BrokerGatewayDbContext db, IOptions<RiskLimits> limits)
{
    public async Task<object> Risk() => await InTx(async () =>
    {
        var state = (await Sql.Query(db, "SELECT state, reason, actor, market_time, day_start_equity, peak_equity, mode, mode_version FROM trading_state WHERE id = 1",
            r => new { state = r.GetString(0), mode = r.GetString(6), modeVersion = r.GetInt64(7), reason = r.GetString(1), actor = r.GetString(2), marketTime = r.TimeOrNull("market_time"),
                dayStartEquity = r.Get<decimal?>("day_start_equity"), peakEquity = r.Get<decimal?>("peak_equity") })).Single();
        var realized = (await Sql.Query(db, "SELECT coalesce(sum(realized_pnl), 0) FROM positions", r => r.GetDecimal(0))).Single();
        var events = await Sql.Query(db, "SELECT at, reason_code, severity, ticker, actor, detail_json::text FROM risk_events ORDER BY at DESC, id LIMIT 50",
            r => new { at = r.Time("at"), reasonCode = r.GetString(1), severity = r.GetString(2), ticker = r.Get<string>("ticker"), actor = r.GetString(4), detail = r.GetString(5) });
        return (object)new { state, equity = limits.Value.StartingEquity + realized, realizedPnl = realized, limits = limits.Value, recentEvents = events };
    });

    public async Task<object> Positions() => await InTx(async () => (object)await Sql.Query(db,
        "SELECT ticker, qty, avg_price, realized_pnl, oco_group, updated_at FROM positions WHERE qty <> 0 ORDER BY ticker",
        r => new { ticker = r.GetString(0), qty = r.GetDecimal(1), avgPrice = r.GetDecimal(2), realizedPnl = r.GetDecimal(3), ocoGroup = r.Get<string>("oco_group"), updatedAt = r.Time("updated_at") }));

    public async Task<string> Metrics() => await InTx(async () =>
    {
        var text = new StringBuilder();
        void Gauge(string name, string help, decimal value, string type = "gauge")
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} {value.ToString(CultureInfo.InvariantCulture)}\n");
        }
        decimal Scalar(string sql) => Sql.Query(db, sql, r => Convert.ToDecimal(r.GetValue(0), CultureInfo.InvariantCulture)).Result.Single();
        var realized = Scalar("SELECT coalesce(sum(realized_pnl), 0) FROM positions");
        Gauge("trader_equity_usd", "Paper equity: starting equity plus realized P&L.", limits.Value.StartingEquity + realized);
        Gauge("trader_realized_pnl_usd", "Realized P&L, all positions.", realized);
        Gauge("trader_open_positions", "Tickers with a non-zero position.", Scalar("SELECT count(*) FROM positions WHERE qty <> 0"));
        Gauge("trader_working_orders", "Orders still working at the broker.", Scalar("SELECT count(*) FROM orders WHERE status = 'WORKING'"));
        Gauge("trader_open_brackets", "Brackets not closed or rejected.", Scalar("SELECT count(*) FROM brackets WHERE state NOT IN ('CLOSED','REJECTED')"));
        Gauge("trader_fills_total", "Fills recorded.", Scalar("SELECT count(*) FROM trades"), "counter");
        Gauge("trader_risk_events_total", "Risk events recorded.", Scalar("SELECT count(*) FROM risk_events"), "counter");
        Gauge("trader_halted", "1 when the trading state is HALTED.", Scalar("SELECT CASE WHEN state = 'HALTED' THEN 1 ELSE 0 END FROM trading_state WHERE id = 1"));
        return text.ToString();
    });

    async Task<T> InTx<T>(Func<Task<T>> read)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        return await read();
    }
}
