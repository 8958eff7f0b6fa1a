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
public sealed class WatchlistInputsConsumer(MinuteSequencer<WatchlistDbContext> sequencer, WatchlistStore store,
    IMarketCalendar calendar, IOptions<WatchlistOptions> options) : IConsumer<FeaturesComputed>, IConsumer<NewsClassified>
{
    public static readonly string[] Streams = ["features", "news"];

    public async Task Consume(ConsumeContext<FeaturesComputed> context) =>
        await Handle(context, await sequencer.Offer("features", context.Message.SessionDate, context.Message.Minute, context.Message, Streams, context.CancellationToken));

    public async Task Consume(ConsumeContext<NewsClassified> context) =>
        await Handle(context, await sequencer.Offer("news", context.Message.SessionDate, context.Message.Minute, context.Message, Streams, context.CancellationToken));

    async Task Handle(ConsumeContext context, IReadOnlyList<CompletedMinute> minutes)
    {
        if (minutes.Count == 0) return;
        var sessionDate = minutes[0].SessionDate;
        var open = calendar.GetSession(sessionDate)!.OpenUtc;
        var engine = new WatchlistEngine(options.Value, await store.Load(sessionDate, context.CancellationToken));
        foreach (var minute in minutes)
        {
            var step = engine.Step(open, minute.Minute, minute.Get<FeaturesComputed>("features"), minute.Get<NewsClassified>("news"));
            if (step.Reranked)
                await store.SaveRanking(sessionDate, step.Minute, step.Entries, context.CancellationToken);
            await context.Publish(new WatchlistUpdated
            {
                SessionDate = sessionDate,
                Minute = step.Minute,
                Reranked = step.Reranked,
                RankedAt = step.RankedAt,
                Entries = step.Entries,
            }, context.CancellationToken);
        }
        await store.Save(sessionDate, engine.State, context.CancellationToken);
    }
}
