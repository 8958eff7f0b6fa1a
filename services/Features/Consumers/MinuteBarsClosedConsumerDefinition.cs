using MassTransit;

namespace Tradewire.Features.Consumers;

/// <summary>
/// One message at a time on the bars endpoint. The sequencer already makes the minutes' computation ordered,
/// but each consumed message delivers its own outbox after its commit, so two messages in flight could deliver
/// their <c>FeaturesComputed</c> out of minute order. Consuming one at a time (the whole pipeline, delivery
/// included) keeps the published order the market order, as the contract promises; the cost is nothing
/// measurable at one message per minute (the cursor lock serialized the work anyway). Prefetch stays as
/// configured, so the next message is already local. Holds per instance: run one replica of features.
/// </summary>
public sealed class MinuteBarsClosedConsumerDefinition : ConsumerDefinition<MinuteBarsClosedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MinuteBarsClosedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 1;
}
