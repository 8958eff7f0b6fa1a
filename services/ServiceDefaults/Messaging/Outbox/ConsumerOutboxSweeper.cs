namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Delivers consumer-outbox messages that nobody else will: their inbox row says consumed but not delivered,
/// it has stayed so longer than <see cref="TransactionalOutboxOptions.OrphanGracePeriod"/>, and this process's
/// deliverer does not hold it. Normally the deliverer sends them at once, or the next process does at its start, or
/// a redelivery's pass does; but when the deliverer gave up (the broker or database away for longer than its
/// attempts), or the message itself is gone (acknowledged, or moved to the error queue after the consume had
/// committed, as the fault drill saw around restarts), its effects would wait forever, and a live session cannot
/// wait: a minute of lag makes the freshness gates refuse everything. So the grace is short; it only has to cover
/// the moment between a pass's commit and its queueing. Rows being worked on are
/// locked by their pass (<c>FOR UPDATE</c>) and skipped here (<c>SKIP LOCKED</c>); the sending is
/// <see cref="ConsumerOutboxDeliverer{TDbContext}"/>'s. A message sent here and again by a late pass carries the
/// same MessageId, which the receiver's inbox ignores.
/// </summary>
sealed class ConsumerOutboxSweeper<TDbContext>(
    IServiceScopeFactory scopes, IBusControl bus, ConsumerOutboxDeliverer<TDbContext> deliverer, TimeProvider time,
    IOptions<TransactionalOutboxOptions> options, ILogger<ConsumerOutboxSweeper<TDbContext>> log) : BackgroundService
    where TDbContext : DbContext
{
    // "Delivered" IS NULL is served by the index on "Delivered": undelivered rows are few, so a sweep every
    // couple of seconds costs one small index scan per service.
    const string LockOrphans = """
        SELECT * FROM "InboxState" i
        WHERE "Consumed" IS NOT NULL AND "Delivered" IS NULL AND "Consumed" < {0}
          AND NOT EXISTS (SELECT 1 FROM unnest({2}::uuid[], {3}::uuid[]) AS p(m, c) WHERE p.m = i."MessageId" AND p.c = i."ConsumerId")
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

    /// <summary>One sweep; returns the number of messages sent.</summary>
    internal async Task<int> DeliverOrphans(CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        List<(Guid, Guid)> orphans;
        await using (var transaction = await db.Database.BeginTransactionAsync(token))
        {
            // What this process's deliverer still holds is its to send, in commit order: not an orphan, whatever its age.
            var pending = deliverer.Pending();
            orphans = (await db.Set<InboxState>().FromSqlRaw(LockOrphans, time.GetUtcNow().UtcDateTime - options.Value.OrphanGracePeriod,
                    options.Value.DeliveryBatchSize, pending.Select(p => p.MessageId).ToArray(), pending.Select(p => p.ConsumerId).ToArray())
                .AsNoTracking().Select(x => new { x.MessageId, x.ConsumerId }).ToListAsync(token))
                .Select(x => (x.MessageId, x.ConsumerId)).ToList();
            await transaction.CommitAsync(token);
        }
        // The deliverer locks each row again and skips what a pass delivered meanwhile.
        return orphans.Count == 0 ? 0 : await deliverer.Deliver(orphans, token);
    }
}
