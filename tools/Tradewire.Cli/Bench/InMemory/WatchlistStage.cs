using MassTransit;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Watchlist;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// watchlist: as <c>WatchlistInputsConsumer</c>, joins features and classified news per minute and steps the
/// service's <see cref="WatchlistEngine"/> (default <see cref="WatchlistOptions"/>, the same values as the service's
/// appsettings); the engine itself is the state, kept across minutes instead of the JSON row. One
/// <see cref="WatchlistUpdated"/> per minute.
/// </summary>
public sealed class WatchlistStage(PipelineRun run) : MinuteStage(run), IConsumer<FeaturesComputed>, IConsumer<NewsClassified>
{
    static readonly string[] Streams = ["features", "news"];
    readonly MinuteJoin _join = new(run.FirstMinute, Streams);
    readonly WatchlistEngine _engine = new(new WatchlistOptions());

    public Task Consume(ConsumeContext<FeaturesComputed> context) => Offer(context, "features", context.Message.Minute, context.Message);

    public Task Consume(ConsumeContext<NewsClassified> context) => Offer(context, "news", context.Message.Minute, context.Message);

    Task Offer(ConsumeContext context, string stream, DateTimeOffset minute, object message) => Guarded(async () =>
    {
        _join.Add(stream, minute, message);
        while (_join.TryTake(out var m))
        {
            var step = _engine.Step(Run.Session.OpenUtc, m.Minute, m.Get<FeaturesComputed>("features"), m.Get<NewsClassified>("news"));
            await context.Publish(new WatchlistUpdated
            {
                SessionDate = Run.SessionDate, Minute = step.Minute, Reranked = step.Reranked, RankedAt = step.RankedAt, Entries = step.Entries,
            });
        }
    });
}
