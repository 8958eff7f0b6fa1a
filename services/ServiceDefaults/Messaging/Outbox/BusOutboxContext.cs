using MassTransit.Clients;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Transports;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The bus outbox: an <see cref="IPublishEndpoint"/> / <see cref="ISendEndpointProvider"/> that writes
/// messages as <see cref="OutboxMessage"/> rows (under one <see cref="OutboxState"/>) into the caller's
/// <typeparamref name="TDbContext"/>, so they commit or roll back with the caller's own changes.
/// <see cref="BusOutboxDeliveryService{TDbContext}"/> hands them to the broker after the commit.
/// Used for messages published outside a single-message consumer: HTTP control endpoints, timers, batches.
/// </summary>
public sealed class BusOutboxContext<TDbContext> : ScopedBusContext, OutboxSendContext, IDisposable
    where TDbContext : DbContext
{
    readonly IBus _bus;
    readonly TDbContext _db;
    readonly IBusOutboxNotification _notification;
    readonly IClientFactory _clientFactory;
    readonly IServiceProvider _provider;
    readonly TimeProvider _time;
    OutboxState? _state;
    IPublishEndpoint? _publish;
    ISendEndpointProvider? _send;
    IScopedClientFactory? _clients;

    public BusOutboxContext(IBus bus, TDbContext db, IBusOutboxNotification notification, IClientFactory clientFactory,
        IServiceProvider provider, TimeProvider time)
    {
        _bus = bus;
        _db = db;
        _notification = notification;
        _clientFactory = clientFactory;
        _provider = provider;
        _time = time;
    }

    public IPublishEndpoint PublishEndpoint => _publish ??= new PublishEndpoint(new OutboxPublishEndpointProvider(this, _bus));
    public ISendEndpointProvider SendEndpointProvider => _send ??= new OutboxSendEndpointProvider(this, _bus);
    public IScopedClientFactory ClientFactory => _clients ??=
        new ScopedClientFactory(new ClientFactory(new ScopedClientFactoryContext(_clientFactory, _provider)), null);

    public Task AddSend<T>(SendContext<T> context) where T : class
    {
        var now = _time.GetUtcNow().UtcDateTime;
        // One OutboxState per unit of work. If the previous one was saved, the caller committed (or at least
        // flushed) it; start a new one so the delivery service can never see a half-written outbox.
        if (_state is null || _db.Entry(_state).State == EntityState.Unchanged)
        {
            _state = new OutboxState { OutboxId = NewId.NextGuid(), LockId = NewId.NextGuid(), Created = now };
            _db.Add(_state);
        }
        _db.Add(OutboxMessageFactory.Create(context, now, outboxId: _state.OutboxId));
        return Task.CompletedTask;
    }

    public object? GetService(Type serviceType) => _provider.GetService(serviceType);

    /// <summary>Wakes the delivery service when the scope ends after something was written.</summary>
    public void Dispose()
    {
        if (_state is not null)
            _notification.Delivered();
    }
}
