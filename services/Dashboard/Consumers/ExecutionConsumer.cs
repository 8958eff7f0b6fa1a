using MassTransit;
using Tradewire.Contracts.Execution;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores fills, bracket closes (the OCO closes of the events feed) and the dispatcher's run summaries.</summary>
public sealed class ExecutionConsumer(EventRecorder recorder) : IConsumer<OrderFilled>, IConsumer<BracketClosed>, IConsumer<DispatchRunCompleted>
{
    public async Task Consume(ConsumeContext<OrderFilled> context)
    {
        var m = context.Message;
        var id = context.MessageId ?? throw new InvalidOperationException("an OrderFilled without a message id cannot be stored once");
        await recorder.Store($"""
            INSERT INTO dash_fills (message_id, execution_id, ticker, filled_at, payload, trace_id)
            VALUES ({id}, {m.ExecutionId}, {m.Ticker}, {m.FilledAt}, {EventRecorder.Json(m)}::jsonb, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("orders", "fill", m);
    }

    public async Task Consume(ConsumeContext<BracketClosed> context)
    {
        var m = context.Message;
        await recorder.Store($"""
            INSERT INTO dash_bracket_closes (execution_id, ticker, closed_at, payload, trace_id)
            VALUES ({m.ExecutionId}, {m.Ticker}, {m.ClosedAt}, {EventRecorder.Json(m)}::jsonb, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("orders", "bracket_closed", m);
        recorder.Push("events", "bracket_closed", m);
    }

    public async Task Consume(ConsumeContext<DispatchRunCompleted> context)
    {
        var m = context.Message;
        await recorder.Store($"""
            INSERT INTO dash_dispatch_runs (run_id, minute, orders_sent, stuck_processing, trace_id)
            VALUES ({m.RunId}, {m.Minute}, {m.OrdersSent}, {m.StuckProcessing}, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        if (m.OrdersSent > 0)
            recorder.Push("decisions", "run", m);
    }
}
