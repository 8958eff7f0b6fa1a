using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Delivers consumer-outbox messages that nobody else will: their inbox row says consumed but not delivered,
/// and it has stayed so longer than <see cref="TransactionalOutboxOptions.OrphanGracePeriod"/>. Normally the pass
/// after the consume delivers them at once, or the broker redelivers the message after a crash and that pass
/// does; but when the message itself is gone (acknowledged, or moved to the error queue after the consume had
/// committed, as the fault drill saw around restarts) its effects would wait forever. Rows being worked on are
/// locked by their pass (<c>FOR UPDATE</c>) and skipped here (<c>SKIP LOCKED</c>); a message sent here and
/// again by a late pass carries the same MessageId, which the receiver's inbox ignores.
/// </summary>
sealed class ConsumerOutboxSweeper<TDbContext>(
    IServiceScopeFactory scopes, IBusControl bus, TimeProvider time, IOptions<TransactionalOutboxOptions> options,
    ILogger<ConsumerOutboxSweeper<TDbContext>> log) : BackgroundService
    where TDbContext : DbContext
{
    const string LockOrphans = """
        SELECT * FROM "InboxState"
        WHERE "Consumed" IS NOT NULL AND "Delivered" IS NULL AND "Consumed" < {0}
        ORDER BY "Consumed" LIMIT {1}
        FOR UPDATE SKIP LOCKED
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Timeout.InfiniteTimeSpan).WaitAsync(stoppingToken);
        // An interval first: right after a start the redeliveries of the crash should get their own passes.
        while (true)
        {
            try { await Task.Delay(options.Value.OrphanSweepInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                var sent = await DeliverOrphans(stoppingToken);
                if (sent > 0)
                    log.LogWarning("Delivered {Count} consumer-outbox messages whose consumed message was no longer being handled", sent);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Consumer-outbox sweep failed; will retry");
            }
        }
    }

    /// <summary>One sweep, in one transaction; returns the number of messages sent.</summary>
    internal async Task<int> DeliverOrphans(CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var now = time.GetUtcNow().UtcDateTime;
        var orphans = await db.Set<InboxState>().FromSqlRaw(LockOrphans, now - options.Value.OrphanGracePeriod, options.Value.DeliveryBatchSize)
            .AsTracking().ToListAsync(token);
        var sent = 0;
        foreach (var inbox in orphans)
        {
            var pending = db.Set<OutboxMessage>()
                .Where(x => x.InboxMessageId == inbox.MessageId && x.InboxConsumerId == inbox.ConsumerId);
            var last = inbox.LastSequenceNumber ?? 0;
            foreach (var message in await pending.Where(x => x.SequenceNumber > last).OrderBy(x => x.SequenceNumber).AsNoTracking().ToListAsync(token))
            {
                await BusOutboxDeliveryService<TDbContext>.SendStored(bus, message, token);
                inbox.LastSequenceNumber = message.SequenceNumber;
                sent++;
            }
            await pending.ExecuteDeleteAsync(token);
            inbox.Delivered = now;
        }
        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
        return sent;
    }
}
