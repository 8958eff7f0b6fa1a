using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Watchlist;
using Tradewire.ServiceDefaults.MarketTime;
using Tradewire.ServiceDefaults.Sequencing;
using Tradewire.Watchlist.Domain;
using Tradewire.Watchlist.Persistence;

namespace Tradewire.Watchlist.Consumers;

/// <summary>
/// Joins <see cref="FeaturesComputed"/> and <see cref="NewsClassified"/> per minute (streams "features" and
/// "news") and, for every minute that is complete, steps the engine, stores the ranking on rerank minutes and
/// publishes <see cref="WatchlistUpdated"/>, all in the consumer's transaction.
/// </summary>
public sealed class WatchlistInputsConsumer(MinuteBatch<WatchlistDbContext> batch, WatchlistStore store,
    IMarketCalendar calendar, IOptions<WatchlistOptions> options) : IConsumer<Batch<FeaturesComputed>>, IConsumer<Batch<NewsClassified>>
{
    public static readonly string[] Streams = ["features", "news"];

    public Task Consume(ConsumeContext<Batch<FeaturesComputed>> context) =>
        batch.RunMinutes<WatchlistInputsConsumer, FeaturesComputed>(context, "features", Streams, m => (m.SessionDate, m.Minute), Handle);

    public Task Consume(ConsumeContext<Batch<NewsClassified>> context) =>
        batch.RunMinutes<WatchlistInputsConsumer, NewsClassified>(context, "news", Streams, m => (m.SessionDate, m.Minute), Handle);

    /// <summary>The minutes of one session completed in one transaction: the state is loaded and saved once for them.</summary>
    async Task Handle(IReadOnlyList<CompletedMinute> minutes, IPublishEndpoint publish, CancellationToken token)
    {
        var sessionDate = minutes[0].SessionDate;
        var open = calendar.GetSession(sessionDate)!.OpenUtc;
        var engine = new WatchlistEngine(options.Value, await store.Load(sessionDate, token));
        foreach (var minute in minutes)
        {
            var step = engine.Step(open, minute.Minute, minute.Get<FeaturesComputed>("features"), minute.Get<NewsClassified>("news"));
            if (step.Reranked)
                await store.SaveRanking(sessionDate, step.Minute, step.Entries, token);
            await publish.Publish(new WatchlistUpdated
            {
                SessionDate = sessionDate,
                Minute = step.Minute,
                Reranked = step.Reranked,
                RankedAt = step.RankedAt,
                Entries = step.Entries,
            }, token);
        }
        await store.Save(sessionDate, engine.State, token);
    }
}
