using MassTransit;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Features.Domain;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// features: as the service's <c>MinuteBarsClosedConsumer</c>, each bars minute in market-time order through
/// <see cref="MinuteFeatures.Apply"/>, the per-symbol <see cref="IndicatorState"/>s kept in a dictionary instead of
/// <c>lane_state</c>; one <see cref="FeaturesComputed"/> per minute.
/// </summary>
public sealed class FeaturesStage(PipelineRun run) : MinuteStage(run), IConsumer<MinuteBarsClosed>
{
    const string Stream = "bars";
    readonly MinuteJoin _join = new(run.FirstMinute, Stream);
    readonly Dictionary<string, IndicatorState> _states = new(StringComparer.Ordinal);

    public Task Consume(ConsumeContext<MinuteBarsClosed> context) => Guarded(async () =>
    {
        _join.Add(Stream, context.Message.Minute, context.Message);
        while (_join.TryTake(out var minute))
        {
            var bars = minute.Get<MinuteBarsClosed>(Stream).Bars;
            var step = MinuteFeatures.Apply(bars, _states);
            await context.Publish(new FeaturesComputed { SessionDate = Run.SessionDate, Minute = minute.Minute, Symbols = step.Features });
        }
    });
}
