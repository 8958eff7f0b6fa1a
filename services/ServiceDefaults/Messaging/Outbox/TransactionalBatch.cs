using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Consumes a MassTransit <see cref="Batch{T}"/> in one database transaction: claims an inbox row for every
/// message in it (a message already claimed at this endpoint is skipped, however it got here), runs the
/// handler on the fresh messages only, and writes what the handler publishes to the bus outbox, all in one
/// commit. The hot paths (many bars per minute) use it to pay one transaction per batch, not per message.
/// </summary>
public sealed class TransactionalBatch<TDbContext>(TDbContext db, IServiceProvider provider)
    where TDbContext : DbContext
{
    /// <summary>What the handler gets: the messages not seen before, and where to publish/send.</summary>
    public sealed record Work<T>(IReadOnlyList<ConsumeContext<T>> Fresh, IPublishEndpoint Publish, ISendEndpointProvider Send)
        where T : class;

    /// <summary>Runs <paramref name="handle"/> on the batch's unseen messages; returns how many were fresh.</summary>
    public Task<int> Run<TConsumer, T>(ConsumeContext<Batch<T>> batch, Func<Work<T>, Task> handle)
        where T : class =>
        Run<TConsumer, T>(batch.Message.ToList(), batch.ReceiveContext.InputAddress, handle, batch.CancellationToken);

    /// <summary>Runs <paramref name="handle"/> on the unseen ones of <paramref name="messages"/> (received at
    /// <paramref name="inputAddress"/>) in one transaction; returns how many were fresh.</summary>
    public async Task<int> Run<TConsumer, T>(IReadOnlyList<ConsumeContext<T>> messages, Uri inputAddress, Func<Work<T>, Task> handle,
        CancellationToken token)
        where T : class
    {
        var consumerId = ConsumerIdFor(inputAddress, typeof(TConsumer));
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        try
        {
            var fresh = await Claim(messages, consumerId, token);
            provider.GetService<Metrics.MessagingMetrics>()?.DuplicatesDropped(inputAddress, messages.Count - fresh.Count);
            if (fresh.Count > 0)
            {
                using var outbox = ActivatorUtilities.CreateInstance<BusOutboxContext<TDbContext>>(provider);
                await handle(new Work<T>(fresh, outbox.PublishEndpoint, outbox.SendEndpointProvider));
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                // The crash window the outbox exists for: committed, nothing delivered yet.
                provider.GetService<Faults.FaultInjector>()?.AfterConsumeCommit(typeof(T));
                return fresh.Count;
            }
            await transaction.CommitAsync(token);
            return 0;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    async Task<List<ConsumeContext<T>>> Claim<T>(IReadOnlyList<ConsumeContext<T>> batch, Guid consumerId, CancellationToken token) where T : class
    {
        var byId = new Dictionary<Guid, ConsumeContext<T>>();
        foreach (var message in batch)
        {
            var id = message.MessageId ?? throw new MessageException(typeof(T), "A MessageId is required to use the inbox");
            byId.TryAdd(id, message); // the same message twice inside one batch counts once
        }

        // ON CONFLICT DO NOTHING: a row another transaction is inserting makes this one wait for it, then skip.
        // A message seen before counts one more receipt on its row, as the single-message inbox does.
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var (connection, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("""
            WITH claimed AS (
                INSERT INTO "InboxState" ("MessageId", "ConsumerId", "LockId", "Received", "ReceiveCount", "Consumed", "Delivered")
                SELECT m, $2, m, $3, 1, $3, $3 FROM unnest($1::uuid[]) AS m
                ON CONFLICT ("MessageId", "ConsumerId") DO NOTHING
                RETURNING "MessageId"),
            seen AS (
                UPDATE "InboxState" SET "ReceiveCount" = "ReceiveCount" + 1
                WHERE "ConsumerId" = $2 AND "MessageId" = ANY($1) AND "MessageId" NOT IN (SELECT "MessageId" FROM claimed))
            SELECT "MessageId" FROM claimed
            """, connection, tx);
        cmd.Parameters.AddWithValue(byId.Keys.ToArray());
        cmd.Parameters.AddWithValue(consumerId);
        cmd.Parameters.AddWithValue(now);
        var claimed = new HashSet<Guid>();
        await using (var reader = await cmd.ExecuteReaderAsync(token))
            while (await reader.ReadAsync(token))
                claimed.Add(reader.GetGuid(0));

        // Keep the batch's order: downstream logic may depend on it (bars of one symbol in time order).
        return byId.Where(kv => claimed.Contains(kv.Key)).Select(kv => kv.Value).ToList();
    }

    /// <summary>Stable per (endpoint, consumer): the same after a restart, different for each queue.</summary>
    public static Guid ConsumerIdFor(Uri inputAddress, Type consumerType)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{inputAddress.AbsolutePath}|{consumerType.FullName}"));
        return new Guid(hash);
    }
}
