using MassTransit;
using Tradewire.Contracts.Execution;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores the dispatcher's decision on each recommendation: the five gates, the config sha and the plan.</summary>
public sealed class DecisionConsumer(EventRecorder recorder) : IConsumer<RecommendationDecided>
{
    public async Task Consume(ConsumeContext<RecommendationDecided> context)
    {
        var m = context.Message;
        await recorder.Store($"""
            INSERT INTO dash_decisions (recommendation_id, signal_key, execution_id, ticker, status, decided_at, payload, trace_id)
            VALUES ({m.RecommendationId}, {m.SignalKey}, {m.ExecutionId}, {m.Ticker}, {m.Status}, {m.DecidedAt}, {EventRecorder.Json(m)}::jsonb,
                    {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("decisions", "decision", m);
    }
}
