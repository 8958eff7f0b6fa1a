using Microsoft.Extensions.Hosting;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_the_inbox_is_cleaned
{
    [Fact]
    public async Task Should_remove_only_rows_older_than_the_window()
    {
        await using var service = await TestService.Start(TestService.NewName("clean"), _ => { },
            new Dictionary<string, string?> { ["Outbox:DuplicateDetectionWindow"] = "00:10:00", ["Outbox:InboxCleanupInterval"] = "01:00:00" });
        var consumer = NewId.NextGuid();
        var oldDelivered = NewId.NextGuid();
        var freshDelivered = NewId.NextGuid();
        var oldNeverConsumed = NewId.NextGuid();
        var oldConsumedNotDelivered = NewId.NextGuid();
        await Insert(service, oldDelivered, consumer, received: "now() - interval '2 hours'", consumed: "now() - interval '2 hours'", delivered: "now() - interval '11 minutes'");
        await Insert(service, freshDelivered, consumer, received: "now() - interval '2 hours'", consumed: "now() - interval '2 hours'", delivered: "now() - interval '9 minutes'");
        await Insert(service, oldNeverConsumed, consumer, received: "now() - interval '11 minutes'", consumed: "NULL", delivered: "NULL");
        await Insert(service, oldConsumedNotDelivered, consumer, received: "now() - interval '2 hours'", consumed: "now() - interval '2 hours'", delivered: "NULL");

        var cleanup = service.Services.GetServices<IHostedService>().OfType<InboxCleanupService<TestDbContext>>().Single();
        var removed = await cleanup.RemoveExpired(CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Equal(0, await Rows(service, oldDelivered));
        Assert.Equal(0, await Rows(service, oldNeverConsumed));
        Assert.Equal(1, await Rows(service, freshDelivered));
        Assert.Equal(1, await Rows(service, oldConsumedNotDelivered)); // its outbox may still need it
    }

    static Task<long> Insert(TestService s, Guid messageId, Guid consumerId, string received, string consumed, string delivered) =>
        LocalInfra.Count(s.ConnectionString, $"""
            INSERT INTO "InboxState" ("MessageId", "ConsumerId", "LockId", "Received", "ReceiveCount", "Consumed", "Delivered")
            VALUES ($1, $2, $1, {received}, 1, {consumed}, {delivered}) RETURNING 1
            """, messageId, consumerId);

    static Task<long> Rows(TestService s, Guid messageId) =>
        LocalInfra.Count(s.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "MessageId" = $1""", messageId);
}
