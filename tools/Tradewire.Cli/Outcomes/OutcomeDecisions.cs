using Tradewire.Contracts.Signals;
using Tradewire.Contracts;
using Tradewire.Dispatcher.Domain;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// Reads one trading date's decided recommendations (SIMULATED with their execution, and SKIPPED) from the
/// dispatcher's database. The decision's market time is the execution's <c>decision_ts</c> or the skip's
/// <c>processed_at</c> (both the minute's close); the decision's bar started one minute earlier. A skipped
/// recommendation was refused before pricing, so its stop and target are priced here with the dispatcher's own
/// pricing on the recommendation's close and recent_vol, with the configuration of the run that refused it.
/// </summary>
public static class OutcomeDecisions
{
    public static async Task<List<OutcomeDecision>> Load(Db dispatcher, DateOnly date)
    {
        var (from, to) = MarketTimeZone.DayBounds(date);
        var current = await dispatcher.Scalar("SELECT config_json::text FROM dispatcher_config ORDER BY version DESC LIMIT 1", "");
        var rows = await dispatcher.Rows("""
            SELECT r.id, r.ticker, r.action, r.close, r.recent_vol, r.skip_reason, COALESCE(r.processed_at, r.ts),
                   e.execution_id, e.side, e.decision_ts, e.entry_price, e.stop_loss_price, e.take_profit_price, e.max_hold_minutes,
                   run.run_config_json::text
            FROM dispatch_recommendations r
            LEFT JOIN dispatch_executions e ON e.recommendation_id = r.id
            LEFT JOIN dispatcher_runs run ON run.run_id = r.dispatcher_run_id
            WHERE r.ts >= $1 AND r.ts < $2 AND r.status IN ('SIMULATED', 'SKIPPED')
            ORDER BY r.id
            """, from, to);
        return rows.Select(r => Decision(r, current)).ToList();
    }

    static OutcomeDecision Decision(object?[] r, string currentConfig)
    {
        var id = (long)r[0]!;
        var ticker = (string)r[1]!;
        var action = Wire.Parse<TradeAction>((string)r[2]!);
        if (r[7] is Guid executionId)
            return new OutcomeDecision(id, "EXECUTION", executionId, ticker, Wire.Name(action), (string)r[8]!, Minute((DateTime)r[9]!), null,
                "EXECUTION", (decimal)r[10]!, (decimal)r[11]!, (decimal)r[12]!, (int)r[13]!, null);

        var (source, json) = r[14] is string runConfig ? ("RUN_CONFIG", runConfig)
            : currentConfig.Length > 0 ? ("CURRENT_CONFIG", currentConfig) : ("CURRENT_CONFIG", DispatcherConfig.Defaults.ToJson());
        var config = DispatcherConfig.FromJson(json);
        var skipped = new OutcomeDecision(id, "SKIPPED", null, ticker, Wire.Name(action), Wire.Name(TradeActions.Side(action)), Minute((DateTime)r[6]!), r[5] as string,
            "NONE", null, null, null, config.MaxHoldMinutes, null);
        if (!TradeActions.Executable.Contains(action))
            return skipped with { NoLevelsReason = "ACTION_NOT_PRICEABLE" };
        var priced = BracketPricer.Price(action, (decimal)r[3]!, (decimal)r[4]!, config);
        return priced.Plan is { } plan
            ? skipped with { LevelsSource = source, Entry = plan.EntryPrice, Stop = plan.StopLossPrice, Target = plan.TakeProfitPrice }
            : skipped with { NoLevelsReason = "NOT_PRICED:" + priced.ReasonCode };
    }

    /// <summary>The decision's bar: the one that had just closed at the decision's market time.</summary>
    static DateTimeOffset Minute(DateTime decidedAt)
    {
        var utc = new DateTimeOffset(DateTime.SpecifyKind(decidedAt, DateTimeKind.Utc));
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-1);
    }
}
