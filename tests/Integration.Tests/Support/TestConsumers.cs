using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Integration.Tests.Support;

/// <summary>Writes an effect row and publishes <see cref="EffectRecorded"/>; throws after writing when asked to.</summary>
public sealed class RecordEffectConsumer(TestDbContext db) : IConsumer<EffectRequested>
{
    public async Task Consume(ConsumeContext<EffectRequested> context)
    {
        db.Add(new Effect { Id = NewId.NextGuid(), Key = context.Message.Key, MessageId = context.MessageId });
        await db.SaveChangesAsync(context.CancellationToken);
        await context.Publish(new EffectRecorded { Key = context.Message.Key });
        if (context.Message.Fail)
            throw new InvalidOperationException($"Consumer failed on purpose after writing {context.Message.Key}");
    }
}

/// <summary>Downstream: one effect row per <see cref="EffectRecorded"/> it really applied.</summary>
public sealed class EffectRecordedConsumer(TestDbContext db) : IConsumer<EffectRecorded>
{
    public Task Consume(ConsumeContext<EffectRecorded> context)
    {
        db.Add(new Effect { Id = NewId.NextGuid(), Key = "downstream:" + context.Message.Key, MessageId = context.MessageId });
        return Task.CompletedTask;
    }
}

/// <summary>Batch consumer: one transaction per batch, inbox row per message.</summary>
public sealed class TickBatchConsumer(TransactionalBatch<TestDbContext> batch, TestDbContext db) : IConsumer<Batch<TickObserved>>
{
    public Task Consume(ConsumeContext<Batch<TickObserved>> context) =>
        batch.Run<TickBatchConsumer, TickObserved>(context, async work =>
        {
            foreach (var tick in work.Fresh)
            {
                db.Add(new Effect { Id = NewId.NextGuid(), Key = tick.Message.Key, MessageId = tick.MessageId });
                await work.Publish.Publish(new EffectRecorded { Key = tick.Message.Key });
            }
        });
}

/// <summary>Records a test order; never reached by an invalid one.</summary>
public sealed class PlaceTestOrderConsumer(TestDbContext db) : IConsumer<PlaceTestOrder>
{
    public Task Consume(ConsumeContext<PlaceTestOrder> context)
    {
        db.Add(new Effect { Id = NewId.NextGuid(), Key = context.Message.Key, MessageId = context.MessageId });
        return Task.CompletedTask;
    }
}

/// <summary>A second endpoint on <see cref="EffectRequested"/>: the same message consumed twice in one service, each with its own outbox.</summary>
public sealed class RecordEffectAgainConsumer(TestDbContext db) : IConsumer<EffectRequested>
{
    public async Task Consume(ConsumeContext<EffectRequested> context)
    {
        db.Add(new Effect { Id = NewId.NextGuid(), Key = "again:" + context.Message.Key, MessageId = context.MessageId });
        await context.Publish(new EffectRecorded { Key = "again:" + context.Message.Key });
    }
}
