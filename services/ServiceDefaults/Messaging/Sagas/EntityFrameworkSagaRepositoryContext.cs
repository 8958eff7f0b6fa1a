using MassTransit.Context;
using MassTransit.Saga;
using Npgsql;

namespace Tradewire.ServiceDefaults.Messaging.Sagas;

/// <summary>
/// What a saga repository can do for one consumed message, on the scope's DbContext and inside the transaction
/// <see cref="EntityFrameworkSagaRepositoryContextFactory{TDbContext,TSaga}"/> found or began. Loads track the
/// instance, so an update writes only what changed and is guarded by the instance's row version.
/// </summary>
sealed class EntityFrameworkSagaRepositoryContext<TDbContext, TSaga, TMessage>(
    TDbContext dbContext, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<TDbContext, TSaga> factory)
    : ConsumeContextScope<TMessage>(consumeContext), SagaRepositoryContext<TSaga, TMessage>
    where TDbContext : DbContext
    where TSaga : class, IVersionedSaga
    where TMessage : class
{
    const string UniqueViolation = "23505";

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(dbContext, this, instance, SagaConsumeContextMode.Add);

    /// <summary>
    /// Inserts now; null when the instance already exists (another message created it first). The insert runs
    /// under a savepoint because a failed statement would otherwise abort the whole (possibly ambient) transaction.
    /// </summary>
    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        var transaction = dbContext.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Saga insert outside the repository's transaction");
        const string savepoint = "saga_insert";
        await transaction.CreateSavepointAsync(savepoint, CancellationToken);
        dbContext.Add(instance);
        try
        {
            await dbContext.SaveChangesAsync(CancellationToken);
            await transaction.ReleaseSavepointAsync(savepoint, CancellationToken);
            return await factory.CreateSagaConsumeContext(dbContext, this, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            await transaction.RollbackToSavepointAsync(savepoint, CancellationToken);
            dbContext.Entry(instance).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>
    /// Finds the instance: from the change tracker when this scope already loaded it (a caller raising many events
    /// in one transaction can load all its instances with one query first), else from the table, tracked.
    /// </summary>
    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        var instance = await dbContext.Set<TSaga>().FindAsync([correlationId], CancellationToken);
        return instance is null ? null : await factory.CreateSagaConsumeContext(dbContext, this, instance, SagaConsumeContextMode.Load);
    }

    /// <summary>Persists an instance created by this message (the <see cref="Add"/> path).</summary>
    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        dbContext.Add(context.Saga);
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    /// <summary>
    /// Marks the tracked instance changed; the write itself is the next SaveChanges of the transaction's owner
    /// (the outbox pass, the factory's own transaction, or a caller's unit of work), so many events raised in one
    /// transaction cost one batched write, not one round trip each. A stale row version then raises
    /// <see cref="DbUpdateConcurrencyException"/> there: the transaction rolls back and the outbox pass consumes
    /// the message again from a fresh read.
    /// </summary>
    public Task Update(SagaConsumeContext<TSaga> context)
    {
        if (dbContext.Entry(context.Saga).State == EntityState.Detached)
            dbContext.Update(context.Saga);
        return Task.CompletedTask;
    }

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        dbContext.Remove(context.Saga);
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    /// <summary>An added instance the message did not keep (finalized at once): it was never written.</summary>
    public Task Discard(SagaConsumeContext<TSaga> context)
    {
        dbContext.Entry(context.Saga).State = EntityState.Detached;
        return Task.CompletedTask;
    }

    /// <summary>An inserted instance the message did not keep: remove it inside the same transaction.</summary>
    public async Task Undo(SagaConsumeContext<TSaga> context)
    {
        dbContext.Remove(context.Saga);
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(dbContext, consumeContext, instance, mode);
}
