using MassTransit;

namespace Tradewire.Features.Consumers;

/// <summary>
/// One message at a time on the bars endpoint. The sequencer already makes the minutes' computation ordered,
/// but two messages in flight could commit in either order, and their outboxes go out in commit order
/// (<c>ConsumerOutboxDeliverer</c>), so their <c>FeaturesComputed</c> could leave out of minute order. Consuming
/// one at a time keeps the published order the market order, as the contract promises; the delivery runs behind
/// the acknowledgement, so the next minute is computed while the last one is still being sent. Prefetch stays as
/// configured, so the next message is already local. Holds per instance: run one replica of features.
/// </summary>
public sealed class MinuteBarsClosedConsumerDefinition : ConsumerDefinition<MinuteBarsClosedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MinuteBarsClosedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 1;
}
