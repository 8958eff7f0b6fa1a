using MassTransit;
using Tradewire.Contracts.Watchlist;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores the watchlist on its rerank minutes (in between it is carried unchanged, so nothing new to keep).</summary>
public sealed class WatchlistConsumer(EventRecorder recorder) : IConsumer<WatchlistUpdated>
{
    public async Task Consume(ConsumeContext<WatchlistUpdated> context)
    {
        var m = context.Message;
        if (!m.Reranked)
            return;
        await recorder.Store($"""
            INSERT INTO dash_watchlists (minute, session_date, payload, trace_id)
            VALUES ({m.Minute}, {m.SessionDate}, {EventRecorder.Json(m.Entries)}::jsonb, {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        recorder.Push("signals", "watchlist", new { m.Minute, Entries = m.Entries.Count });
    }
}
