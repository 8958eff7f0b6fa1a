using System.Data;
using MassTransit.Middleware;
using Tradewire.ServiceDefaults.Faults;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Runs one consumed message under the inbox and the consumer outbox, on PostgreSQL.
/// Each pass is one transaction that first locks the message's inbox row (<c>FOR UPDATE</c>), or inserts it
/// on first sight, so two deliveries of the same message (a redelivery racing a slow consumer, two replicas)
/// serialize; the first pass claims and consumes, the next delivers and cleans up, as
/// <see cref="OutboxMessagePipe{T}"/> decides. The consumer's own writes and its outgoing messages commit together or not at all.
/// A pass that consumed hands the delivery to <see cref="ConsumerOutboxDeliverer{TDbContext}"/> and lets the message go;
/// a pass over a message consumed earlier (a redelivery after a crash) delivers inline, as MassTransit's pipe does.
/// </summary>
sealed class EntityFrameworkOutboxContextFactory<TDbContext>(TDbContext dbContext, IServiceProvider provider, TimeProvider time, FaultInjector faults,
    RetryOptions retry, AfterCommit afterCommit, ConsumerOutboxDeliverer<TDbContext> deliverer, Metrics.MessagingMetrics metrics)
    : IOutboxContextFactory<TDbContext>
    where TDbContext : DbContext
{
    const string LockInboxRow =
        """SELECT * FROM "InboxState" WHERE "MessageId" = {0} AND "ConsumerId" = {1} FOR UPDATE""";

    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "A MessageId is required to use the inbox");

        var continueProcessing = true;
        var conflicts = 0;
        var consumedHere = false;
        while (continueProcessing)
        {
            try
            {
                (continueProcessing, var consumedNow, var deliveredNow, var wasConsumed) = await Pass(context, options, next, messageId);
                // Consumed before this delivery (not by an earlier pass of it): the inbox dropped a duplicate.
                if (wasConsumed && !consumedHere)
                {
                    metrics.DuplicatesDropped(context.ReceiveContext.InputAddress, 1);
                    consumedHere = true; // counted once, however many passes its delivery takes
                }
                consumedHere |= consumedNow;
                if (deliveredNow)
                    return;
                // Consumed and committed: its outbox goes out behind the acknowledgement, not in front of it
                // (ConsumerOutboxDeliverer). When the deliverer refuses (stopping), the next pass delivers inline.
                if (consumedNow && continueProcessing && deliverer.Enqueue(messageId, options.ConsumerId))
                    return;
            }
            // An optimistic-concurrency conflict (two messages updating one saga) is expected under load: the pass
            // rolled back, so consume again from a fresh read after a short random delay, without spending the
            // endpoint's retries (MassTransit does not compose nested retry filters: the first one to act is the
            // only one, so this cannot be a second UseMessageRetry).
            catch (Exception e) when (IsConcurrencyConflict(e) && conflicts < retry.ConcurrencyRetries)
            {
                conflicts++;
                var ceiling = Math.Min(500, 5 * (1 << Math.Min(conflicts, 7)));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling)), context.CancellationToken);
            }
        }
    }

    static bool IsConcurrencyConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbUpdateConcurrencyException)
                return true;
        return false;
    }

    async Task<(bool ContinueProcessing, bool ConsumedNow, bool DeliveredNow, bool WasConsumed)> Pass<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next, Guid messageId)
        where T : class
    {
        dbContext.ChangeTracker.Clear();
        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        try
        {
            var inbox = (await dbContext.Set<InboxState>()
                .FromSqlRaw(LockInboxRow, messageId, options.ConsumerId)
                .AsTracking()
                .ToListAsync(context.CancellationToken)).SingleOrDefault();

            if (inbox is null)
            {
                // First sight of this message at this endpoint: the claim is the insert of its inbox row, in this
                // same transaction as the consume (one commit less per message than a separate claim pass). A
                // concurrent delivery of the same message blocks on that row's unique key: when this commits it
                // fails, and its retry finds the row consumed; when this rolls back, it claims the message itself.
                inbox = new InboxState
                {
                    MessageId = messageId,
                    ConsumerId = options.ConsumerId,
                    Received = time.GetUtcNow().UtcDateTime,
                };
                dbContext.Add(inbox);
            }
            inbox.LockId = NewId.NextGuid();
            inbox.ReceiveCount++;
            await dbContext.SaveChangesAsync(context.CancellationToken);

            var wasConsumed = inbox.Consumed.HasValue;
            var outboxContext = new DbContextOutboxConsumeContext<TDbContext, T>(context, options, provider, dbContext, inbox, time);
            await next.Send(outboxContext);
            var consumedNow = !wasConsumed && inbox.Consumed.HasValue;
            // A consume that sent nothing has nothing to deliver: done in this transaction, not in another.
            var deliveredNow = consumedNow && outboxContext.MessagesAdded == 0;
            if (deliveredNow)
                inbox.Delivered = inbox.Consumed;
            await dbContext.SaveChangesAsync(context.CancellationToken);
            var continueProcessing = outboxContext.ContinueProcessing;

            await transaction.CommitAsync(context.CancellationToken);
            if (consumedNow)
                faults.AfterConsumeCommit(typeof(T));
            afterCommit.Committed();
            return (continueProcessing, consumedNow, deliveredNow, wasConsumed);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            dbContext.ChangeTracker.Clear();
            afterCommit.RolledBack();
            throw;
        }
    }

    public void Probe(ProbeContext context) =>
        context.CreateFilterScope("outboxContextFactory").Add("provider", "tradewire-efcore-postgres");
}
