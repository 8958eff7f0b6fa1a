using MassTransit.DependencyInjection;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Decides what a scoped <see cref="IPublishEndpoint"/> means. Inside a consumer it is the consume context
/// (which, under the transactional outbox, already writes to the outbox); anywhere else (an HTTP endpoint,
/// a timer) it is the <see cref="BusOutboxContext{TDbContext}"/>, so nothing reaches the broker unless the
/// caller's transaction commits.
/// </summary>
sealed class BusOutboxScopedContextProvider<TDbContext> : IScopedBusContextProvider<IBus>, IDisposable
    where TDbContext : DbContext
{
    readonly IDisposable? _owned;

    public BusOutboxScopedContextProvider(IScopedConsumeContextProvider consumeContextProvider, IClientFactory clientFactory,
        IServiceProvider provider)
    {
        if (consumeContextProvider.HasContext)
            Context = new ConsumeContextScopedBusContext(consumeContextProvider.GetContext(), clientFactory);
        else
        {
            var outbox = ActivatorUtilities.CreateInstance<BusOutboxContext<TDbContext>>(provider);
            Context = outbox;
            _owned = outbox;
        }
    }

    public ScopedBusContext Context { get; }

    public void Dispose() => _owned?.Dispose();
}
