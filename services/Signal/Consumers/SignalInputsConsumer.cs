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
public sealed class SignalInputsConsumer(MinuteBatch<SignalDbContext> batch, SignalStore store, IOptions<SignalOptions> options)
    : IConsumer<Batch<FeaturesComputed>>, IConsumer<Batch<NewsClassified>>, IConsumer<Batch<WatchlistUpdated>>
{
    public static readonly string[] Streams = ["features", "news", "watchlist"];

    public Task Consume(ConsumeContext<Batch<FeaturesComputed>> context) =>
        batch.RunMinutes<SignalInputsConsumer, FeaturesComputed>(context, "features", Streams, m => (m.SessionDate, m.Minute), Handle);

    public Task Consume(ConsumeContext<Batch<NewsClassified>> context) =>
        batch.RunMinutes<SignalInputsConsumer, NewsClassified>(context, "news", Streams, m => (m.SessionDate, m.Minute), Handle);

    public Task Consume(ConsumeContext<Batch<WatchlistUpdated>> context) =>
        batch.RunMinutes<SignalInputsConsumer, WatchlistUpdated>(context, "watchlist", Streams, m => (m.SessionDate, m.Minute), Handle);

    /// <summary>The minutes of one session completed in one transaction: the state is loaded and saved once for them.</summary>
    async Task Handle(IReadOnlyList<CompletedMinute> minutes, IPublishEndpoint publish, CancellationToken token)
    {
        var sessionDate = minutes[0].SessionDate;
        var engine = new SignalEngine(options.Value, await store.Load(sessionDate, token));
        foreach (var minute in minutes)
        {
            var step = engine.Step(minute.Minute, minute.Get<FeaturesComputed>("features"), minute.Get<NewsClassified>("news"),
                minute.Get<WatchlistUpdated>("watchlist"));
            await store.Log(sessionDate, step.Minute, step.Recommendations, token);
            await publish.Publish(new SignalsEvaluated
            {
                SessionDate = sessionDate,
                Minute = step.Minute,
                EvaluatedAt = step.EvaluatedAt,
                Recommendations = step.Recommendations,
                LatestBars = step.LatestBars,
            }, token);
        }
        await store.Save(sessionDate, engine.State, token);
    }
}
