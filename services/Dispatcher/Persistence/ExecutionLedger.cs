using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewire.Contracts.Execution;
using Tradewire.Dispatcher.Domain;
using Tradewire.Dispatcher.Runs;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dispatcher.Persistence;

/// <summary>
/// Appends to <c>dispatch_executions</c>, the immutable ledger. Its unique index on recommendation_id is the
/// idempotency guarantee: a second insert for a recommendation fails with a unique violation.
/// </summary>
static class ExecutionLedger
{
    public static Task Insert(DbContext db, Guid executionId, RunContext run, DispatchCandidate candidate, MarketSnapshot snapshot,
        BracketPlan plan, string gateJson, DateOnly tradingDate, ExecutionMode executionMode, CancellationToken token)
    {
        var explain = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["signal_key"] = candidate.Recommendation.SignalKey,
            ["signal_ts"] = candidate.Recommendation.Ts,
            ["confidence"] = candidate.Recommendation.Confidence,
            ["reason"] = JsonDocument.Parse(candidate.Recommendation.ReasonsJson).RootElement,
            ["run_id"] = run.RunId,
            ["market_minute"] = run.Tick.Minute,
        });
        var sim = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["fill_model"] = run.Config.FillModel,
            ["bar_used"] = new Dictionary<string, object> { ["close"] = snapshot.Close, ["bar_ts"] = snapshot.BarTs, ["source"] = snapshot.Source },
            ["features_used"] = new Dictionary<string, object?>
            {
                ["recent_vol"] = candidate.Recommendation.RecentVol,
                ["atr14"] = candidate.Recommendation.Atr14,
                ["feature_ts"] = snapshot.FeatureTs,
            },
            ["slippage_bps"] = plan.SlippageBps,
            ["side"] = plan.Side,
            ["stop_distance"] = plan.StopDistance,
            ["stop_loss_atr_mult"] = run.Config.StopLossAtrMult,
            ["take_profit_risk_reward"] = run.Config.TakeProfitRiskReward,
            ["sizing_rationale"] = plan.SizingRationale,
        });
        return db.Execute("""
            INSERT INTO dispatch_executions (execution_id, recommendation_id, ticker, action, instrument_type, side, decision_ts, simulated_ts,
                signal_ts, trading_date, entry_price, fill_model, slippage_bps, qty, notional, stop_loss_price, take_profit_price,
                max_hold_minutes, execution_mode, explain_json, risk_json, sim_json, confidence, config_sha, dispatcher_run_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
            """, token,
            executionId, candidate.Id, candidate.Recommendation.Ticker, candidate.Recommendation.Action, candidate.Recommendation.InstrumentType, plan.Side, run.MarketTime.UtcDateTime,
            candidate.Recommendation.Ts.UtcDateTime, tradingDate, (decimal)plan.EntryPrice, run.Config.FillModel, plan.SlippageBps, (decimal)plan.Qty, plan.Notional,
            (decimal)plan.StopLossPrice, (decimal)plan.TakeProfitPrice, run.Config.MaxHoldMinutes, executionMode,
            DbContextSql.Jsonb(explain), DbContextSql.Jsonb(gateJson), DbContextSql.Jsonb(sim),
            candidate.Recommendation.Confidence, run.ConfigSha, run.RunId);
    }
}
