using MassTransit;
using Tradewire.Contracts.Signals;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores every recommendation of the minute (the signals tape) by its deterministic signal key.</summary>
public sealed class SignalsConsumer(EventRecorder recorder) : IConsumer<SignalsEvaluated>
{
    public async Task Consume(ConsumeContext<SignalsEvaluated> context)
    {
        var m = context.Message;
        foreach (var r in m.Recommendations)
        {
            await recorder.Store($"""
                INSERT INTO dash_signals (signal_key, session_date, minute, ticker, payload, trace_id)
                VALUES ({r.SignalKey}, {m.SessionDate}, {m.Minute}, {r.Ticker}, {EventRecorder.Json(r)}::jsonb, {EventRecorder.TraceId})
                ON CONFLICT DO NOTHING
                """, context.CancellationToken);
            recorder.Push("signals", "signal", r);
        }
    }
}
