using System.Diagnostics;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Serialization;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Hands bus-outbox messages to the broker after their transaction committed, in sequence order within each
/// outbox and outboxes in creation order. Each outbox is locked (<c>FOR UPDATE SKIP LOCKED</c>) so replicas
/// never deliver the same one concurrently. A crash after the broker accepted a message but before the row was
/// removed sends it again on restart with the same MessageId; the receiver's inbox makes that harmless.
/// </summary>
sealed class BusOutboxDeliveryService<TDbContext>(
    IServiceScopeFactory scopes, IBusControl bus, IBusOutboxNotification notification,
    IOptions<TransactionalOutboxOptions> options, ILogger<BusOutboxDeliveryService<TDbContext>> log)
    : BackgroundService
    where TDbContext : DbContext
{
    static readonly ActivitySource Source = new(Telemetry.TradewireTelemetry.ActivitySourceName);

    /// <summary>Sends one stored message as it was written (same MessageId, headers and body).</summary>
    internal static async Task SendStored(IBus bus, OutboxMessage message, CancellationToken token)
    {
        message.Deserialize(SystemTextJsonMessageSerializer.Instance);
        // Continue the trace of the transaction that wrote the message, not of the background loop sending it.
        using var activity = Source.StartActivity("outbox deliver", ActivityKind.Producer, OutboxMessageFactory.StoredTraceContext(message));
        var endpoint = await bus.GetSendEndpoint(message.DestinationAddress!);
        await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress!), token);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Timeout.InfiniteTimeSpan).WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DeliverPending(stoppingToken);
                if (delivered == 0)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(options.Value.DeliveryPollInterval);
                    try { await notification.WaitForDelivery(wait.Token); }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                // The database or broker is away: keep the rows, try again shortly.
                log.LogWarning(e, "Outbox delivery failed; retrying");
                await Task.Delay(options.Value.DeliveryPollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Delivers one batch of outboxes; returns the number of messages sent.</summary>
    internal async Task<int> DeliverPending(CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var outboxIds = await db.Set<OutboxState>().AsNoTracking()
            .Where(x => x.Delivered == null)
            .OrderBy(x => x.Created).ThenBy(x => x.OutboxId)
            .Select(x => x.OutboxId)
            .Take(options.Value.DeliveryBatchSize)
            .ToListAsync(token);

        var sent = 0;
        foreach (var outboxId in outboxIds)
            sent += await DeliverOutbox(db, outboxId, token);
        return sent;
    }

    async Task<int> DeliverOutbox(TDbContext db, Guid outboxId, CancellationToken token)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var state = (await db.Set<OutboxState>()
            .FromSqlRaw("""SELECT * FROM "OutboxState" WHERE "OutboxId" = {0} FOR UPDATE SKIP LOCKED""", outboxId)
            .AsTracking().ToListAsync(token)).SingleOrDefault();
        if (state is null || state.Delivered is not null)
            return 0; // another replica has it, or it is done

        var messages = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(x => x.OutboxId == outboxId && (state.LastSequenceNumber == null || x.SequenceNumber > state.LastSequenceNumber))
            .OrderBy(x => x.SequenceNumber)
            .ToListAsync(token);

        foreach (var message in messages)
        {
            await SendStored(bus, message, token);
            state.LastSequenceNumber = message.SequenceNumber;
        }

        await db.Set<OutboxMessage>().Where(x => x.OutboxId == outboxId).ExecuteDeleteAsync(token);
        db.Remove(state);
        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
        return messages.Count;
    }
}
