using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Delivers a consumed message's outbox after the consumer has let go of the message, so the endpoint takes its
/// next message while this one's results are still on their way to the broker. MassTransit's own pipe delivers in
/// a second transaction before the acknowledgement; on a 2-core host that second pass (lock, read, send and wait
/// for the confirm, delete, mark) was about half of every hop's critical path, and the stages are serial.
/// <para>
/// The consume pass commits, then queues (message, consumer) here; one loop takes everything queued, in commit
/// order, and delivers it in one transaction: lock each inbox row (<c>FOR UPDATE</c>, waiting for a redelivery's
/// own pass if one holds it), skip it when already delivered, send what is past <c>LastSequenceNumber</c>, delete,
/// mark delivered. Nothing is lost when the process dies with the queue full: the rows say consumed and not
/// delivered, and the next process delivers them first thing at its start; what this loop gives up on (the broker
/// or database away for longer than its attempts) <see cref="ConsumerOutboxSweeper{TDbContext}"/> delivers within
/// seconds. A message sent twice carries the same MessageId, which the receiver's inbox ignores.
/// </para>
/// </summary>
public sealed class ConsumerOutboxDeliverer<TDbContext>(
    IServiceScopeFactory scopes, IBusControl bus, TimeProvider time, IOptions<TransactionalOutboxOptions> options,
    ILogger<ConsumerOutboxDeliverer<TDbContext>> log) : BackgroundService
    where TDbContext : DbContext
{
    // Pairs, not the cross product: one message may be consumed by two endpoints of a service.
    const string LockInboxRows = """
        SELECT i.* FROM "InboxState" i JOIN unnest({0}::uuid[], {1}::uuid[]) AS k(m, c) ON i."MessageId" = k.m AND i."ConsumerId" = k.c
        ORDER BY i."MessageId", i."ConsumerId"
        FOR UPDATE OF i
        """;

    const string ReadOutboxes = """
        SELECT o.* FROM "OutboxMessage" o JOIN unnest({0}::uuid[], {1}::uuid[]) AS k(m, c) ON o."InboxMessageId" = k.m AND o."InboxConsumerId" = k.c
        ORDER BY o."SequenceNumber"
        """;

    /// <summary>Attempts per batch before it is left to the sweeper (a broker or database that is away).</summary>
    const int Attempts = 5;

    readonly Channel<(Guid MessageId, Guid ConsumerId)> _queue =
        Channel.CreateUnbounded<(Guid, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    // Queued or being delivered by this loop. The sweeper leaves these alone, so it can act on a short grace
    // without overtaking the commit order this loop keeps.
    readonly ConcurrentDictionary<(Guid MessageId, Guid ConsumerId), byte> _pending = new();

    /// <summary>Called after the consume pass committed. False once the service is stopping: the sweeper has it then.</summary>
    internal bool Enqueue(Guid messageId, Guid consumerId)
    {
        _pending[(messageId, consumerId)] = 0;
        if (_queue.Writer.TryWrite((messageId, consumerId)))
            return true;
        _pending.TryRemove((messageId, consumerId), out _);
        return false;
    }

    /// <summary>The inbox rows this process will still deliver itself (a snapshot).</summary>
    internal IReadOnlyList<(Guid MessageId, Guid ConsumerId)> Pending() => _pending.Keys.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.DeliverLeftoversAtStart)
            {
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Timeout.InfiniteTimeSpan).WaitAsync(stoppingToken);
                await QueueLeftovers(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not look for undelivered consumer outboxes at start; the sweeper will deliver them");
        }

        var batch = new List<(Guid MessageId, Guid ConsumerId)>();
        // Not cancelled by the stop: StopAsync completes the queue and this loop delivers what is left.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < options.Value.DeliveryBatchSize && _queue.Reader.TryRead(out var item))
                batch.Add(item);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Deliver(batch, stoppingToken);
                    break;
                }
                catch (Exception e) when (attempt < Attempts && !stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Consumer-outbox delivery failed (attempt {Attempt}); retrying", attempt);
                    try { await Task.Delay(options.Value.DeliveryPollInterval, time, stoppingToken); }
                    catch (OperationCanceledException) { return; }
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Consumer-outbox delivery of {Count} messages left to the sweeper", batch.Count);
                    break;
                }
            }
            // Delivered, or given up: either way no longer this loop's, so the sweeper may take what is left.
            foreach (var item in batch)
                _pending.TryRemove(item, out _);
        }
    }

    /// <summary>
    /// At start: outboxes consumed and acknowledged but not delivered when the last process died (its queue died with
    /// it) go first, instead of waiting for the sweeper's grace. Rows a redelivery's pass holds are skipped: it delivers them.
    /// </summary>
    internal async Task<int> QueueLeftovers(CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var leftovers = await db.Set<InboxState>().FromSqlRaw("""
                SELECT * FROM "InboxState" WHERE "Consumed" IS NOT NULL AND "Delivered" IS NULL
                ORDER BY "Consumed" FOR UPDATE SKIP LOCKED
                """).AsNoTracking().Select(x => new { x.MessageId, x.ConsumerId }).ToListAsync(token);
        await transaction.CommitAsync(token);
        foreach (var row in leftovers)
            Enqueue(row.MessageId, row.ConsumerId);
        if (leftovers.Count > 0)
            log.LogWarning("Delivering {Count} consumer outboxes left undelivered by the previous process", leftovers.Count);
        return leftovers.Count;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Registered after the bus, so stopped before it: what is queued still reaches the broker.
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } loop)
            await Task.WhenAny(loop, Task.Delay(Timeout.Infinite, cancellationToken));
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Delivers the outboxes of these inbox rows that are still undelivered, in one transaction; returns the messages sent.</summary>
    internal async Task<int> Deliver(IReadOnlyList<(Guid MessageId, Guid ConsumerId)> batch, CancellationToken token)
    {
        var messageIds = batch.Select(x => x.MessageId).ToArray();
        var consumerIds = batch.Select(x => x.ConsumerId).ToArray();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        // The whole batch in a fixed number of round trips: lock the inbox rows, read their outboxes, send, delete, mark.
        var inboxes = (await db.Set<InboxState>().FromSqlRaw(LockInboxRows, messageIds, consumerIds).AsTracking().ToListAsync(token))
            .Where(x => x.Delivered is null) // a redelivery's pass or the sweeper got there first
            .ToDictionary(x => (x.MessageId, x.ConsumerId));
        if (inboxes.Count == 0)
        {
            await transaction.CommitAsync(token);
            return 0;
        }
        var stored = await db.Set<OutboxMessage>().FromSqlRaw(ReadOutboxes, messageIds, consumerIds).AsNoTracking().ToListAsync(token);
        var byInbox = stored.ToLookup(x => (x.InboxMessageId!.Value, x.InboxConsumerId!.Value));
        var sent = 0;
        foreach (var key in batch) // commit order
        {
            if (!inboxes.TryGetValue(key, out var inbox))
                continue;
            foreach (var message in byInbox[key].Where(x => x.SequenceNumber > (inbox.LastSequenceNumber ?? 0)))
            {
                await BusOutboxDeliveryService<TDbContext>.SendStored(bus, message, token);
                inbox.LastSequenceNumber = message.SequenceNumber;
                sent++;
            }
            inbox.Delivered = time.GetUtcNow().UtcDateTime;
        }
        var done = stored.Where(x => inboxes.ContainsKey((x.InboxMessageId!.Value, x.InboxConsumerId!.Value))).Select(x => x.SequenceNumber).ToArray();
        if (done.Length > 0)
            await db.Set<OutboxMessage>().Where(x => done.Contains(x.SequenceNumber)).ExecuteDeleteAsync(token);
        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
        return sent;
    }
}
