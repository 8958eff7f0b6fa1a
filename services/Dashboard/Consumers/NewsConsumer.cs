using MassTransit;
using Tradewire.Contracts.News;
using Tradewire.Dashboard.Persistence;

namespace Tradewire.Dashboard.Consumers;

/// <summary>Stores every classified news item with its tickers, the join to the signals that mention them.</summary>
public sealed class NewsConsumer(EventRecorder recorder) : IConsumer<NewsClassified>
{
    public async Task Consume(ConsumeContext<NewsClassified> context)
    {
        // One per minute even when empty: the watchdog's measure of the news stream's freshness.
        await recorder.Store($"""
            INSERT INTO dash_news_minutes (minute, session_date) VALUES ({context.Message.Minute}, {context.Message.SessionDate}) ON CONFLICT DO NOTHING
            """, context.CancellationToken);
        foreach (var item in context.Message.Items)
        {
            await recorder.Store($"""
                INSERT INTO dash_news (news_id, minute, published_at, tickers, payload, trace_id)
                VALUES ({item.NewsId}, {context.Message.Minute}, {item.PublishedAt}, {item.Tickers.ToArray()}, {EventRecorder.Json(item)}::jsonb,
                        {EventRecorder.TraceId}) ON CONFLICT DO NOTHING
                """, context.CancellationToken);
            recorder.Push("events", "news", item);
        }
    }
}
