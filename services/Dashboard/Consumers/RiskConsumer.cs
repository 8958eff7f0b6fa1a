using MassTransit;
using Tradewire.Contracts.Risk;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores risk events (blocks, reductions, kill switch) and trading-state changes.</summary>
public sealed class RiskConsumer(EventRecorder recorder) : IConsumer<RiskEventRaised>, IConsumer<TradingStateChanged>
{
    public async Task Consume(ConsumeContext<RiskEventRaised> context)
    {
        var m = context.Message;
        await recorder.Store($"""
            INSERT INTO dash_risk_events (event_id, execution_id, ticker, reason_code, at, payload, trace_id)
            VALUES ({m.EventId}, {m.ExecutionId}, {m.Ticker}, {m.ReasonCode}, {m.At}, {EventRecorder.Json(m)}::jsonb, {EventRecorder.TraceId})
            ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("risk", "risk_event", m);
        recorder.Push("events", "risk_event", m);
    }

    public async Task Consume(ConsumeContext<TradingStateChanged> context)
    {
        var m = context.Message;
        var id = context.MessageId ?? throw new InvalidOperationException("a TradingStateChanged without a message id cannot be stored once");
        await recorder.Store($"""
            INSERT INTO dash_trading_states (message_id, at, payload, trace_id)
            VALUES ({id}, {m.At}, {EventRecorder.Json(m)}::jsonb, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("risk", "trading_state", m);
        recorder.Push("events", "trading_state", m);
    }
}
