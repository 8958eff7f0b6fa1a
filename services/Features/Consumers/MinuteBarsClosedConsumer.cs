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
/// transaction (one <see cref="FeaturesComputed"/> per minute, empty when no bar was applied). The minutes waiting
/// on the queue are taken together, in one transaction (<see cref="MinuteBatch{TDbContext}"/>).
/// </summary>
public sealed class MinuteBarsClosedConsumer(MinuteBatch<FeaturesDbContext> batch, FeatureStore store) : IConsumer<Batch<MinuteBarsClosed>>
{
    public const string Stream = "bars";
    static readonly string[] RequiredStreams = [Stream];

    public Task Consume(ConsumeContext<Batch<MinuteBarsClosed>> context) =>
        batch.Run<MinuteBarsClosedConsumer, MinuteBarsClosed>(context, Stream, RequiredStreams, m => (m.SessionDate, m.Minute), Act);

    async Task Act(CompletedMinute minute, IPublishEndpoint publish, CancellationToken token)
    {
        var bars = minute.Get<MinuteBarsClosed>(Stream).Bars;
        var states = await store.LoadStates(bars.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).ToList(), token);
        var step = MinuteFeatures.Apply(bars, states);
        await store.InsertFeatures(step.Features, token);
        await store.SaveStates(step.ChangedStates, token);
        await publish.Publish(new FeaturesComputed { SessionDate = minute.SessionDate, Minute = minute.Minute, Symbols = step.Features }, token);
    }
}
