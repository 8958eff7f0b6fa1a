namespace Tradewire.ServiceDefaults.Sequencing;

/// <summary>The endpoint of a minute-driven consumer that takes its backlog in batches (<see cref="MinuteBatching"/>).</summary>
public class MinuteBatchDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        MinuteBatching.Configure(endpointConfigurator, consumerConfigurator);
}
