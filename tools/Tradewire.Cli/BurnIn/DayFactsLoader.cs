using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// Reads <see cref="DayFacts"/> for one trading date from the signal service's, the dispatcher's and the
/// broker-gateway's databases. Each query is bounded by the New York day ($1, $2) or the trading date.
/// </summary>
public static class DayFactsLoader
{
    const string WorkingStatuses = "('NEW', 'WORKING', 'PARTIALLY_FILLED', 'ACCEPTED')";

    public static async Task<DayFacts> Load(Func<string, Db> db, TradingSession session, BurnInLimits limits)
    {
        var date = session.Date;
        var (from, to) = MarketTimeZone.DayBounds(date);
        var tightenAt = session.CloseUtc.AddMinutes(-limits.TightenMinutesBeforeClose);
        var flatAt = session.CloseUtc.AddMinutes(-limits.FlattenMinutesBeforeClose);
        var signal = db("signal");
        var dispatcher = db("dispatcher");
        var broker = db("broker-gateway");

        var brackets = (await broker.Rows("""
            SELECT execution_id, ticker, side, filled_qty, avg_entry_price, stop_price, exit_reason, realized_pnl, entry_filled_at, closed_at
            FROM brackets WHERE filled_qty > 0 AND entry_filled_at >= $1 AND entry_filled_at < $2
            """, from, to))
            .Select(r => new BracketOutcome((Guid)r[0]!, (string)r[1]!, (string)r[2]!, (decimal)r[3]!, (decimal)r[4]!, (decimal)r[5]!, null,
                r[6] as string, (decimal)r[7]!, (DateTime)r[8]!, r[9] as DateTime?, 0, 0)).ToList();
        var heat = BurnInReport.HeatTimeline(brackets, session, limits.StartingEquity);
        var peak = heat.Count == 0 ? default : heat.MaxBy(h => h.Heat);

        var tradeRisk = await dispatcher.Rows("""
            SELECT ticker, qty * abs(entry_price - stop_loss_price) / $2 * 100 AS pct FROM dispatch_executions
            WHERE trading_date = $1 ORDER BY pct DESC LIMIT 1
            """, date, limits.PaperEquity);
        var tighten = await broker.Rows("""
            SELECT count(*) FILTER (WHERE at = $3), count(*) FILTER (WHERE at <> $3)
            FROM risk_events WHERE reason_code = 'EOD_STOP_TIGHTENED' AND at >= $1 AND at < $2
            """, from, to, tightenAt.UtcDateTime);
        var events = await broker.Rows("""
            SELECT count(*), count(*) FILTER (WHERE reason_code = 'KILL_SWITCH') FROM risk_events WHERE at >= $1 AND at < $2
            """, from, to);

        return new DayFacts(date,
            Signals: await signal.Scalar("SELECT count(*) FROM signal_log WHERE session_date = $1", 0L, date),
            Decisions: await dispatcher.Scalar("SELECT count(*) FROM dispatch_executions WHERE trading_date = $1", 0L, date),
            CompleteOcoLifecycles: brackets.Count(b => b.ExitReason is "STOP" or "TARGET"),
            MaxHeatPct: (decimal)peak.Heat, MaxHeatAt: heat.Count == 0 ? null : peak.At,
            RealizedPnl: brackets.Where(b => b.ClosedAt is not null).Sum(b => b.RealizedPnl),
            // The daily loss stop halts entries for the rest of the day: none may be sent after the day's halt.
            EntriesAfterDailyLossStop: await broker.Scalar("""
                SELECT count(*) FROM orders WHERE leg_role = 'ENTRY' AND created_at >= $1 AND created_at < $2
                  AND created_at >= (SELECT min(at) FROM risk_events WHERE reason_code = 'DAILY_LOSS_EXCEEDED' AND ticker IS NULL AND at >= $1 AND at < $2)
                """, 0L, from, to),
            MaxTradeRiskPct: tradeRisk.Count == 0 ? 0 : (decimal)tradeRisk[0][1]!, MaxTradeRiskTicker: tradeRisk.Count == 0 ? null : (string)tradeRisk[0][0]!,
            OpenAtTighten: brackets.Count(b => b.EnteredAt <= tightenAt && (b.ClosedAt is null || b.ClosedAt > tightenAt)),
            TightenedAtTighten: (long)tighten[0][0]!, TightenedAtOtherTimes: (long)tighten[0][1]!,
            PositionsOpenAfterFlat: brackets.Count(b => b.ClosedAt is null || b.ClosedAt > flatAt),
            // Still working now, or sent after the hard-flat time (the flatten's own exits are sent at it).
            OrdersOpenAfterFlat: await broker.Scalar($"""
                SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2 AND (status IN {WorkingStatuses} OR created_at > $3)
                """, 0L, from, to, flatAt.UtcDateTime),
            ChainBreaks: await AuditChain.Breaks(signal, dispatcher, broker, date, from, to),
            OrdersWithoutConfigSha: await broker.Scalar("""
                SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2 AND (config_sha IS NULL OR config_sha = '')
                """, 0L, from, to),
            OrphanOcoSiblings: await broker.Scalar("""
                SELECT count(*) FROM orders f JOIN orders s ON s.oco_group = f.oco_group AND s.client_order_id <> f.client_order_id
                WHERE f.leg_role IN ('STOP','TARGET') AND s.leg_role IN ('STOP','TARGET') AND f.created_at >= $1 AND f.created_at < $2
                  AND f.status = 'FILLED' AND s.status NOT IN ('CANCELLED','REJECTED','FILLED')
                """, 0L, from, to),
            DuplicateClientOrderIds: await broker.Scalar("SELECT count(*) FROM (SELECT lower(client_order_id) FROM orders GROUP BY 1 HAVING count(*) > 1) d", 0L),
            RiskEvents: (long)events[0][0]!,
            RejectionsWithoutRiskEvent: await broker.Scalar("""
                SELECT count(*) FROM brackets b WHERE b.state = 'REJECTED' AND b.dispatch_minute >= $1 AND b.dispatch_minute < $2
                  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.execution_id = b.execution_id)
                  AND NOT EXISTS (SELECT 1 FROM risk_events e WHERE e.execution_id = b.execution_id)
                """, 0L, from, to),
            KillSwitchTested: (long)events[0][1]! > 0,
            TightenAt: tightenAt, FlatAt: flatAt);
    }
}
