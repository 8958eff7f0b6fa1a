using Tradewire.ServiceDefaults.Sequencing;

namespace Tradewire.Features.Consumers;

/// <summary>
/// One batch at a time on the bars endpoint. The sequencer already makes the minutes' computation ordered, but
/// two transactions in flight could commit in either order, and their outboxes go out in commit order, so their
/// <c>FeaturesComputed</c> could leave out of minute order. One batch at a time keeps the published order the
/// market order, as the contract promises. Holds per instance: run one replica of features.
/// </summary>
public sealed class MinuteBarsClosedConsumerDefinition : MinuteBatchDefinition<MinuteBarsClosedConsumer>;
