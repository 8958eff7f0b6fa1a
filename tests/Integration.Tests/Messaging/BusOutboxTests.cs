namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_publishing_outside_a_consumer
{
    [Fact]
    public async Task Should_deliver_only_what_the_callers_transaction_committed()
    {
        await using var downstream = await TestService.Start(TestService.NewName("busdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var publisher = await TestService.Start(TestService.NewName("bus"), _ => { });
        var committed = "committed-" + Guid.NewGuid();
        var rolledBack = "rolledback-" + Guid.NewGuid();

        await PublishInTransaction(publisher, rolledBack, commit: false);
        await PublishInTransaction(publisher, committed, commit: true);

        await Eventually.Until(() => downstream.Effects("downstream:" + committed), n => n == 1, what: "the committed message");
        await Eventually.Until(() => LocalInfra.Count(publisher.ConnectionString, """SELECT count(*) FROM "OutboxMessage" """), n => n == 0,
            what: "the outbox to drain");
        Assert.Equal(0, await downstream.Effects("downstream:" + rolledBack));
        Assert.Equal(0, await LocalInfra.Count(publisher.ConnectionString, """SELECT count(*) FROM "OutboxState" """));
    }

    static async Task PublishInTransaction(TestService service, string key, bool commit)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(new Effect { Id = NewId.NextGuid(), Key = key });
        await publish.Publish(new EffectRecorded { Key = key });
        await db.SaveChangesAsync();
        if (commit)
            await tx.CommitAsync();
        else
            await tx.RollbackAsync();
    }
}
