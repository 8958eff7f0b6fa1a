using MassTransit;
using Tradewire.BrokerGateway.Engine;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Consumers;

/// <summary>The dispatcher's run of a market minute (how many orders it sent): the other input.</summary>
public sealed class DispatchRunCompletedConsumer(MinuteStep step) : IConsumer<DispatchRunCompleted>
{
    public Task Consume(ConsumeContext<DispatchRunCompleted> context) =>
        step.Offer("dispatch", context.Message.SessionDate, context.Message.Minute, context.Message, context, context.CancellationToken);
}
