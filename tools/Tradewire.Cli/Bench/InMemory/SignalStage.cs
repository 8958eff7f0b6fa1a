using MassTransit;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.Signal.Domain;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// signal: as <c>SignalInputsConsumer</c>, joins features, classified news and the watchlist per minute and steps the
/// service's <see cref="SignalEngine"/> (default <see cref="SignalOptions"/>, the same values as the service's
/// appsettings), kept across minutes instead of the JSON row. One <see cref="SignalsEvaluated"/> per minute: the
/// recommendations the dispatcher receives.
/// </summary>
public sealed class SignalStage(PipelineRun run) : MinuteStage(run),
    IConsumer<FeaturesComputed>, IConsumer<NewsClassified>, IConsumer<WatchlistUpdated>
{
    static readonly string[] Streams = ["features", "news", "watchlist"];
    readonly MinuteJoin _join = new(run.FirstMinute, Streams);
    readonly SignalEngine _engine = new(new SignalOptions());

    public Task Consume(ConsumeContext<FeaturesComputed> context) => Offer(context, "features", context.Message.Minute, context.Message);

    public Task Consume(ConsumeContext<NewsClassified> context) => Offer(context, "news", context.Message.Minute, context.Message);

    public Task Consume(ConsumeContext<WatchlistUpdated> context) => Offer(context, "watchlist", context.Message.Minute, context.Message);

    Task Offer(ConsumeContext context, string stream, DateTimeOffset minute, object message) => Guarded(async () =>
    {
        _join.Add(stream, minute, message);
        while (_join.TryTake(out var m))
        {
            var step = _engine.Step(m.Minute, m.Get<FeaturesComputed>("features"), m.Get<NewsClassified>("news"), m.Get<WatchlistUpdated>("watchlist"));
            await context.Publish(new SignalsEvaluated
            {
                SessionDate = Run.SessionDate, Minute = step.Minute, EvaluatedAt = step.EvaluatedAt,
                Recommendations = step.Recommendations, LatestBars = step.LatestBars,
            });
        }
    });
}
