using MassTransit.Configuration;
using MassTransit.Saga;

namespace Tradewire.ServiceDefaults.Messaging.Sagas;

/// <summary>
/// Persists a saga in the service's own DbContext, e.g.
/// <c>x.AddSagaStateMachine&lt;OrderStateMachine, OrderState&gt;().TradewireRepository&lt;OrderState, OrdersDbContext&gt;()</c>.
/// We have our own because MassTransit.EntityFrameworkCore is not on the package mirror. The saga's table comes
/// from a SQL migration of the owning service and is mapped in its DbContext with
/// <see cref="SagaModelBuilderExtensions.Saga{TSaga}"/>.
/// </summary>
public static class SagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Registers the repository factories as scoped services, so MassTransit resolves them from the consume
    /// scope and they share its DbContext (and the outbox's transaction) with the rest of the consume.
    /// Both type arguments are explicit because C# cannot infer the saga type from the receiver while the
    /// DbContext type is given.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> TradewireRepository<TSaga, TDbContext>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, IVersionedSaga
        where TDbContext : DbContext =>
        configurator.Repository(r =>
        {
            r.RegisterSagaRepository<TSaga, TDbContext, SagaConsumeContextFactory<TDbContext, TSaga>,
                EntityFrameworkSagaRepositoryContextFactory<TDbContext, TSaga>>();
            r.RegisterQuerySagaRepository<TSaga, EntityFrameworkSagaRepositoryContextFactory<TDbContext, TSaga>>();
            r.RegisterLoadSagaRepository<TSaga, EntityFrameworkSagaRepositoryContextFactory<TDbContext, TSaga>>();
        });
}
