using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Integration.Tests.Messaging;

/// <summary>
/// The state the fault drill found after restarts: a message consumed (its inbox row committed as consumed, its
/// outgoing messages stored) whose delivery pass never ran, and which the broker will not bring back.
/// </summary>
public sealed class When_a_consumed_message_was_never_delivered
{
    [Fact]
    public async Task Should_deliver_its_outbox_after_the_grace_period_once()
    {
        await using var downstream = await TestService.Start(TestService.NewName("orphdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var service = await TestService.Start(TestService.NewName("orphan"), _ => { }, new Dictionary<string, string?>
        {
            ["Outbox:OrphanGracePeriod"] = "00:00:30", ["Outbox:OrphanSweepInterval"] = "01:00:00", // swept by the test only
            ["Outbox:DeliverLeftoversAtStart"] = "false",
        });
        var old = "orphan-old-" + Guid.NewGuid();
        var fresh = "orphan-fresh-" + Guid.NewGuid();
        var oldInbox = await Orphan(service, old, consumedAgo: "2 minutes");
        var freshInbox = await Orphan(service, fresh, consumedAgo: "1 second");

        var sweeper = service.Services.GetServices<IHostedService>().OfType<ConsumerOutboxSweeper<TestDbContext>>().Single();
        Assert.Equal(1, await sweeper.DeliverOrphans(CancellationToken.None));
        Assert.Equal(0, await sweeper.DeliverOrphans(CancellationToken.None)); // nothing left that is past the grace

        await Eventually.Until(() => downstream.Effects("downstream:" + old), n => n == 1, what: "the orphaned message delivered");
        Assert.Equal(1, await Count(service, """SELECT count(*) FROM "InboxState" WHERE "MessageId" = $1 AND "Delivered" IS NOT NULL""", oldInbox));
        Assert.Equal(0, await Count(service, """SELECT count(*) FROM "OutboxMessage" WHERE "InboxMessageId" = $1""", oldInbox));
        // Still inside the grace period: its own pass (a redelivery) may yet deliver it. The sweeper has run (it
        // delivered the old one, which the downstream has received) and left this one whole: a send deletes the
        // stored message and marks the inbox row delivered, so both prove nothing of it went out.
        Assert.Equal(1, await Count(service, """SELECT count(*) FROM "OutboxMessage" WHERE "InboxMessageId" = $1""", freshInbox));
        Assert.Equal(1, await Count(service, """SELECT count(*) FROM "InboxState" WHERE "MessageId" = $1 AND "Delivered" IS NULL""", freshInbox));
    }

    /// <summary>
    /// Writes an outgoing message with the real serializer (through the bus outbox) and re-homes it, in the same
    /// transaction, to a consumed, undelivered inbox row: exactly what a consume pass leaves when its delivery pass
    /// never comes.
    /// </summary>
    internal static async Task<Guid> Orphan(TestService service, string key, string consumedAgo)
    {
        var inboxMessageId = NewId.NextGuid();
        var consumerId = NewId.NextGuid();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new EffectRecorded { Key = key });
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "InboxState" ("MessageId", "ConsumerId", "LockId", "Received", "ReceiveCount", "Consumed")
            VALUES ({0}, {1}, {0}, now() - CAST({2} AS interval), 1, now() - CAST({2} AS interval))
            """, inboxMessageId, consumerId, consumedAgo);
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "OutboxMessage" SET "InboxMessageId" = {0}, "InboxConsumerId" = {1}, "OutboxId" = NULL WHERE "OutboxId" IS NOT NULL
            """, inboxMessageId, consumerId);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "OutboxState" """);
        await tx.CommitAsync();
        return inboxMessageId;
    }

    static Task<long> Count(TestService s, string sql, Guid id) => LocalInfra.Count(s.ConnectionString, sql, id);
}
