using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.ServiceDefaults.Sequencing;
using Tradewire.Signal.Domain;
using Tradewire.Signal.Persistence;

namespace Tradewire.Signal.Consumers;

/// <summary>
/// Joins <see cref="FeaturesComputed"/>, <see cref="NewsClassified"/> and <see cref="WatchlistUpdated"/> per minute
/// (streams "features", "news", "watchlist") and, for every complete minute, steps the engine, logs the
/// recommendations and publishes <see cref="SignalsEvaluated"/>, all in the consumer's transaction.
/// </summary>
public sealed class SignalInputsConsumer(MinuteSequencer<SignalDbContext> sequencer, SignalStore store, IOptions<SignalOptions> options)
    : IConsumer<FeaturesComputed>, IConsumer<NewsClassified>, IConsumer<WatchlistUpdated>
{
    public static readonly string[] Streams = ["features", "news", "watchlist"];

    public async Task Consume(ConsumeContext<FeaturesComputed> context) =>
        await Handle(context, await sequencer.Offer("features", context.Message.SessionDate, context.Message.Minute, context.Message, Streams, context.CancellationToken));

    public async Task Consume(ConsumeContext<NewsClassified> context) =>
        await Handle(context, await sequencer.Offer("news", context.Message.SessionDate, context.Message.Minute, context.Message, Streams, context.CancellationToken));

    public async Task Consume(ConsumeContext<WatchlistUpdated> context) =>
        await Handle(context, await sequencer.Offer("watchlist", context.Message.SessionDate, context.Message.Minute, context.Message, Streams, context.CancellationToken));

    async Task Handle(ConsumeContext context, IReadOnlyList<CompletedMinute> minutes)
    {
        if (minutes.Count == 0) return;
        var sessionDate = minutes[0].SessionDate;
        var engine = new SignalEngine(options.Value, await store.Load(sessionDate, context.CancellationToken));
        foreach (var minute in minutes)
        {
            var step = engine.Step(minute.Minute, minute.Get<FeaturesComputed>("features"), minute.Get<NewsClassified>("news"),
                minute.Get<WatchlistUpdated>("watchlist"));
            await store.Log(sessionDate, step.Minute, step.Recommendations, context.CancellationToken);
            await context.Publish(new SignalsEvaluated
            {
                SessionDate = sessionDate,
                Minute = step.Minute,
                EvaluatedAt = step.EvaluatedAt,
                Recommendations = step.Recommendations,
                LatestBars = step.LatestBars,
            }, context.CancellationToken);
        }
        await store.Save(sessionDate, engine.State, context.CancellationToken);
    }
}
