using MassTransit;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Consumers;

/// <summary>
/// Stores the bracket on receipt (state REQUESTED) and starts its saga, idempotent by execution id: a redelivery
/// or a replayed command inserts nothing and starts nothing. Risk and the entry wait for the minute step of the
/// command's dispatch minute.
/// </summary>
public sealed class PlaceBracketOrderConsumer(BrokerGatewayDbContext db, BracketLifecycle lifecycle) : IConsumer<PlaceBracketOrder>
{
    /// <summary>The queue the dispatcher sends to (set explicitly at registration, not derived from the type name).</summary>
    public const string EndpointName = "broker-gateway-place-bracket-order";

    public Task Consume(ConsumeContext<PlaceBracketOrder> context)
    {
        var m = context.Message;
        if (Problems(m) is { Count: > 0 } problems)
            throw new Tradewire.ServiceDefaults.Messaging.MessageValidationException(nameof(PlaceBracketOrder), problems);
        return Store(db, lifecycle, m, context.CancellationToken);
    }

    /// <summary>
    /// What makes the command one the venue could not take, each said with the execution id and the value: a side
    /// other than BUY or SELL, a quantity that is not whole shares &gt; 0 (brackets are whole-share orders), a price
    /// that is not &gt; 0. Empty when the command is valid.
    /// </summary>
    public static IReadOnlyList<string> Problems(PlaceBracketOrder m)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(m.Side))
            problems.Add($"{m.ExecutionId}: side must be BUY or SELL, got {m.Side}");
        if (!Quantity.TryCreate(m.Qty, out var qty) || !qty.IsPositive)
            problems.Add($"{m.ExecutionId}: qty must be whole shares > 0, got {m.Qty.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        foreach (var (name, price) in new[] { ("entry_price", m.EntryPrice), ("stop_loss_price", m.StopLossPrice), ("take_profit_price", m.TakeProfitPrice) })
            if (!Price.TryCreate(price, out _))
                problems.Add($"{m.ExecutionId}: {name} must be > 0, got {price.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return problems;
    }

    /// <summary>Inserts the bracket (REQUESTED) and starts its saga; nothing when the execution id is already stored.</summary>
    public static async Task Store(BrokerGatewayDbContext db, BracketLifecycle lifecycle, PlaceBracketOrder m, CancellationToken token = default)
    {
        var inserted = await Sql.Execute(db, """
            INSERT INTO brackets (execution_id, recommendation_id, ticker, side, action, instrument_type, planned_qty, qty, entry_price,
                stop_price, target_price, max_hold_minutes, decision_ts, signal_ts, dispatch_minute, confidence, config_sha, execution_mode,
                state, oco_group, created_at)
            VALUES ($1,$2,$3,$4,$5,$6,$7,0,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,'REQUESTED',$18,$12)
            ON CONFLICT (execution_id) DO NOTHING
            """, m.ExecutionId, m.RecommendationId, m.Ticker, m.Side, m.Action, m.InstrumentType, m.Qty, m.EntryPrice, m.StopLossPrice,
            m.TakeProfitPrice, m.MaxHoldMinutes, m.DecisionTs.ToUniversalTime(), m.SignalTs.ToUniversalTime(), DispatchMinute(m.DecisionTs), m.Confidence,
            m.ConfigSha, m.ExecutionMode, Domain.ClientOrderIds.OcoGroup(m.ExecutionId));
        if (inserted == 1)
            await lifecycle.Receive(m.ExecutionId, m.DecisionTs.ToUniversalTime(), m.Ticker, token);
    }

    /// <summary>
    /// The dispatcher minute M a command belongs to. The contract has no minute field; the dispatcher stamps
    /// DecisionTs with its run's market time, which is the minute's close (<c>SignalsEvaluated.EvaluatedAt</c> =
    /// M + 1 min). So M is the minute that ends at or after DecisionTs: a close stamp (M + 1 min) and any instant
    /// inside (M, M + 1 min) both map to M.
    /// </summary>
    public static DateTimeOffset DispatchMinute(DateTimeOffset decisionTs)
    {
        var ticks = decisionTs.ToUniversalTime().Ticks;
        var end = ticks % TimeSpan.TicksPerMinute == 0 ? ticks : ticks - ticks % TimeSpan.TicksPerMinute + TimeSpan.TicksPerMinute;
        return new DateTimeOffset(end - TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }
}
