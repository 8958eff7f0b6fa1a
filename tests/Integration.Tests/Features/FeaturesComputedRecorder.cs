using Tradewire.Contracts.Features;

namespace Tradewire.Integration.Tests.Features;

/// <summary>Downstream stand-in: records every <see cref="FeaturesComputed"/> it receives.</summary>
public sealed class FeaturesComputedRecorder(FeaturesComputedLog log) : IConsumer<FeaturesComputed>
{
    public Task Consume(ConsumeContext<FeaturesComputed> context)
    {
        log.Add(context.MessageId ?? Guid.Empty, context.Message);
        return Task.CompletedTask;
    }
}
