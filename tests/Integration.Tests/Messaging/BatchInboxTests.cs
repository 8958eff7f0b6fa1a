using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_a_batch_holds_duplicates
{
    [Fact]
    public async Task Should_apply_the_others_once_and_skip_the_duplicates()
    {
        var name = TestService.NewName("batch");
        var queue = name + "-ticks";
        await using var downstream = await TestService.Start(TestService.NewName("batchdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var service = await TestService.Start(name, x => x.AddConsumer<TickBatchConsumer>(c =>
                c.Options<BatchOptions>(o => o.SetMessageLimit(20).SetTimeLimit(TimeSpan.FromSeconds(1)).SetConcurrencyLimit(1)))
            .Endpoint(e => e.Name = queue));
        var run = Guid.NewGuid().ToString("N");
        var alreadyHandled = NewId.NextGuid();
        var twiceInBatch = NewId.NextGuid();

        // A message this endpoint handled before (its inbox row exists, as after a crash or a broker redelivery).
        var consumerId = TransactionalBatch<TestDbContext>.ConsumerIdFor(new Uri($"rabbitmq://127.0.0.1/{queue}"), typeof(TickBatchConsumer));
        await LocalInfra.Count(service.ConnectionString, """
            INSERT INTO "InboxState" ("MessageId", "ConsumerId", "LockId", "Received", "ReceiveCount", "Consumed", "Delivered")
            VALUES ($1, $2, $1, now(), 1, now(), now()) RETURNING 1
            """, alreadyHandled, consumerId);

        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + queue));
        (string Key, Guid Id)[] ticks =
        [
            ($"{run}-a", NewId.NextGuid()),
            ($"{run}-old", alreadyHandled),
            ($"{run}-b", twiceInBatch),
            ($"{run}-b", twiceInBatch),
            ($"{run}-c", NewId.NextGuid()),
        ];
        foreach (var (key, id) in ticks)
            await send.Send(new TickObserved { Key = key }, c => c.MessageId = id);

        await Eventually.Until(() => downstream.Effects($"downstream:{run}-c"), n => n == 1, what: "the batch's published messages");
        await Eventually.Until(() => LocalInfra.Count(service.ConnectionString, """SELECT count(*) FROM "OutboxState" """), n => n == 0, what: "outbox drain");

        Assert.Equal(1, await service.Effects($"{run}-a"));
        Assert.Equal(1, await service.Effects($"{run}-b"));
        Assert.Equal(1, await service.Effects($"{run}-c"));
        Assert.Equal(0, await service.Effects($"{run}-old"));
        Assert.Equal(1, await downstream.Effects($"downstream:{run}-b"));
        Assert.Equal(0, await downstream.Effects($"downstream:{run}-old"));
    }
}
