using MassTransit;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;
using Tradewire.Features.Domain;
using Tradewire.Features.Persistence;
using Tradewire.ServiceDefaults.Sequencing;

namespace Tradewire.Features.Consumers;

/// <summary>
/// Computes the features of every completed minute, in market-time order: the sequencer turns whatever order
/// the bars arrive in into complete minutes, and each is loaded, applied, stored and published in this consumer's
/// transaction (one <see cref="FeaturesComputed"/> per minute, empty when no bar was applied).
/// </summary>
public sealed class MinuteBarsClosedConsumer(MinuteSequencer<FeaturesDbContext> sequencer, FeatureStore store) : IConsumer<MinuteBarsClosed>
{
    public const string Stream = "bars";
    static readonly string[] RequiredStreams = [Stream];

    public async Task Consume(ConsumeContext<MinuteBarsClosed> context)
    {
        var message = context.Message;
        var token = context.CancellationToken;
        foreach (var minute in await sequencer.Offer(Stream, message.SessionDate, message.Minute, message, RequiredStreams, token))
        {
            var bars = minute.Get<MinuteBarsClosed>(Stream).Bars;
            var states = await store.LoadStates(bars.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).ToList(), token);
            var step = MinuteFeatures.Apply(bars, states);
            await store.InsertFeatures(step.Features, token);
            await store.SaveStates(step.ChangedStates, token);
            await context.Publish(new FeaturesComputed { SessionDate = minute.SessionDate, Minute = minute.Minute, Symbols = step.Features }, token);
        }
    }
}
