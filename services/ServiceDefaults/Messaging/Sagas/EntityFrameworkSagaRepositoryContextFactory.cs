using System.Data;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace Tradewire.ServiceDefaults.Messaging.Sagas;

/// <summary>
/// MassTransit saga repository over the service's own (scoped) DbContext, wrapped by MassTransit's
/// <see cref="SagaRepository{TSaga}"/> through its dependency-injection repository, which resolves this factory
/// from the consume scope: under our transactional outbox that is the scope whose DbContext already holds the
/// pass's transaction, so saga state, inbox row and outgoing messages commit together.
/// <para>
/// Transactions: when the DbContext already has one (the outbox's, or a caller's around a scoped mediator), it is
/// used and neither saved, committed nor rolled back here; its owner does that. Otherwise the factory begins one
/// (read committed), saves and commits it after the saga pipe has run, so a saga on an endpoint without the
/// outbox is still atomic per message.
/// </para>
/// <para>
/// Concurrency is optimistic (<see cref="IVersionedSaga"/>): no row lock is taken on load, a conflicting update
/// fails with <see cref="DbUpdateConcurrencyException"/> and the consume is passed again whole by the outbox
/// (<c>EntityFrameworkOutboxContextFactory</c>), which reads the winner's state and applies the event on top.
/// </para>
/// </summary>
sealed class EntityFrameworkSagaRepositoryContextFactory<TDbContext, TSaga>(
    TDbContext dbContext, ISagaConsumeContextFactory<TDbContext, TSaga> factory,
    ILogger<EntityFrameworkSagaRepositoryContextFactory<TDbContext, TSaga>> logger)
    : ISagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>
    where TDbContext : DbContext
    where TSaga : class, IVersionedSaga
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class =>
        InTransaction(context, () =>
            next.Send(new EntityFrameworkSagaRepositoryContext<TDbContext, TSaga, T>(dbContext, context, factory)));

    /// <summary>Query correlation (events correlated by an expression rather than by CorrelationId).</summary>
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(context, async () =>
        {
            var instances = await dbContext.Set<TSaga>().AsTracking().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            var repositoryContext = new EntityFrameworkSagaRepositoryContext<TDbContext, TSaga, T>(dbContext, context, factory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
        });

    /// <summary>Read-only access for <c>ISagaRepository.Find</c> (IQuerySagaRepository), outside any consume.</summary>
    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken)
        where T : class =>
        asyncMethod(new ReadContext(dbContext, cancellationToken));

    /// <summary>Read-only access for <c>ILoadSagaRepository.Load</c>, outside any consume.</summary>
    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken)
        where T : class =>
        asyncMethod(new ReadContext(dbContext, cancellationToken));

    async Task InTransaction<T>(ConsumeContext<T> context, Func<Task> body) where T : class
    {
        if (dbContext.Database.CurrentTransaction is not null)
        {
            await body(); // the owner's transaction (the outbox's, or a caller's): it saves, commits or rolls back
            return;
        }

        await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
        try
        {
            await body();
            await dbContext.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
        catch (Exception e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            dbContext.ChangeTracker.Clear(); // a retry must read fresh state, not the rolled-back instance
            if (e is DbUpdateConcurrencyException)
                logger.LogDebug("Saga {Saga} changed concurrently while consuming {Message}; the retry reads it again",
                    typeof(TSaga).Name, typeof(T).Name);
            throw;
        }
    }

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateScope("sagaRepository");
        scope.Add("provider", "tradewire-efcore-postgres");
        scope.Add("concurrency", "optimistic-xmin");
    }

    sealed class ReadContext(TDbContext dbContext, CancellationToken cancellationToken)
        : BasePipeContext(cancellationToken), QuerySagaRepositoryContext<TSaga>, LoadSagaRepositoryContext<TSaga>
    {
        public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken)
        {
            var ids = await dbContext.Set<TSaga>().AsNoTracking().Where(query.FilterExpression)
                .Select(x => x.CorrelationId).ToListAsync(cancellationToken);
            return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids);
        }

        public async Task<TSaga> Load(Guid correlationId) =>
            (await dbContext.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken))!;
    }
}
