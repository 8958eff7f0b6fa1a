using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The consume context a consumer sees under the transactional outbox: everything it publishes or sends
/// becomes an <see cref="OutboxMessage"/> row in the consumer's own transaction, tied to the inbox row of
/// the message being consumed. MassTransit's <see cref="OutboxMessagePipe{T}"/> drives the life cycle
/// (consume once, then deliver, then remove).
/// </summary>
sealed class DbContextOutboxConsumeContext<TDbContext, TMessage>(
    ConsumeContext<TMessage> context, OutboxConsumeOptions options, IServiceProvider provider,
    TDbContext dbContext, InboxState inboxState, TimeProvider time)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider)
    where TDbContext : DbContext
    where TMessage : class
{
    public override Guid? MessageId => inboxState.MessageId;
    public override bool ContinueProcessing { get; set; } = true;
    public override bool IsMessageConsumed => inboxState.Consumed.HasValue;
    public override bool IsOutboxDelivered => inboxState.Delivered.HasValue;
    public override int ReceiveCount => inboxState.ReceiveCount;
    public override long? LastSequenceNumber => inboxState.LastSequenceNumber;

    public override async Task SetConsumed()
    {
        inboxState.Consumed = time.GetUtcNow().UtcDateTime;
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    public override async Task SetDelivered()
    {
        inboxState.Delivered = time.GetUtcNow().UtcDateTime;
        await dbContext.SaveChangesAsync(CancellationToken);
    }

    public override async Task<List<OutboxMessageContext>> LoadOutboxMessages()
    {
        // Only what is not yet sent, and one more than the limit: MassTransit's OutboxMessagePipe reads
        // "more than the limit" as "deliver these, then come back for the rest".
        var last = inboxState.LastSequenceNumber ?? 0;
        var messages = await Pending().Where(x => x.SequenceNumber > last)
            .Take(Options.MessageDeliveryLimit + 1)
            .AsNoTracking().ToListAsync(CancellationToken);
        foreach (var message in messages)
            message.Deserialize(SerializerContext);
        return messages.Cast<OutboxMessageContext>().ToList();
    }

    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message)
    {
        inboxState.LastSequenceNumber = message.SequenceNumber;
        return dbContext.SaveChangesAsync(CancellationToken);
    }

    public override async Task RemoveOutboxMessages() =>
        await Pending().ExecuteDeleteAsync(CancellationToken);

    /// <summary>Messages this consume wrote to the outbox.</summary>
    public int MessagesAdded { get; private set; }

    public override Task AddSend<T>(SendContext<T> context)
    {
        MessagesAdded++;
        dbContext.Add(OutboxMessageFactory.Create(context, time.GetUtcNow().UtcDateTime, inboxState.MessageId, ConsumerId));
        return Task.CompletedTask;
    }

    IQueryable<OutboxMessage> Pending() => dbContext.Set<OutboxMessage>()
        .Where(x => x.InboxMessageId == inboxState.MessageId && x.InboxConsumerId == ConsumerId)
        .OrderBy(x => x.SequenceNumber);
}
