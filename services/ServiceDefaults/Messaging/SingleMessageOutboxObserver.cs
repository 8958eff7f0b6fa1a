namespace Tradewire.ServiceDefaults.Messaging;

/// <summary>Applies MassTransit's outbox consume filter to every consumed message type except <see cref="Batch{T}"/>.</summary>
sealed class SingleMessageOutboxObserver<TObserver>(TObserver inner) : IConsumerConfigurationObserver, ISagaConfigurationObserver
    where TObserver : IConsumerConfigurationObserver, ISagaConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator) where TConsumer : class =>
        inner.ConsumerConfigured(configurator);

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class where TMessage : class
    {
        if (!IsBatch(typeof(TMessage)))
            inner.ConsumerMessageConfigured(configurator);
    }

    public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator) where TSaga : class, ISaga =>
        inner.SagaConfigured(configurator);

    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance =>
        inner.StateMachineSagaConfigured(configurator, stateMachine);

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga where TMessage : class =>
        inner.SagaMessageConfigured(configurator);

    static bool IsBatch(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Batch<>);
}
