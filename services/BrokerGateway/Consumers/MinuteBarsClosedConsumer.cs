using MassTransit;
using Tradewire.BrokerGateway.Engine;
using Tradewire.Contracts.Market;

namespace Tradewire.BrokerGateway.Consumers;

/// <summary>The bars of a market minute: one of the two inputs the minute step joins.</summary>
public sealed class MinuteBarsClosedConsumer(MinuteStep step) : IConsumer<MinuteBarsClosed>
{
    public Task Consume(ConsumeContext<MinuteBarsClosed> context) =>
        step.Offer("bars", context.Message.SessionDate, context.Message.Minute, context.Message, context, context.CancellationToken);
}
