using MassTransit;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores each minute's bars (the marks of open positions, the bar behind a signal) and features.</summary>
public sealed class MarketDataConsumer(EventRecorder recorder) : IConsumer<MinuteBarsClosed>, IConsumer<FeaturesComputed>
{
    public async Task Consume(ConsumeContext<MinuteBarsClosed> context)
    {
        var m = context.Message;
        await recorder.Store($"""
            INSERT INTO dash_bars (minute, session_date, payload, trace_id)
            VALUES ({m.Minute}, {m.SessionDate}, {EventRecorder.Json(m.Bars)}::jsonb, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("events", "minute", new { m.SessionDate, m.Minute, Bars = m.Bars.Count, m.IsLastOfSession });
    }

    public async Task Consume(ConsumeContext<FeaturesComputed> context)
    {
        var m = context.Message;
        await recorder.Store($"""
            INSERT INTO dash_features (minute, session_date, payload, trace_id)
            VALUES ({m.Minute}, {m.SessionDate}, {EventRecorder.Json(m.Symbols)}::jsonb, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
    }
}
