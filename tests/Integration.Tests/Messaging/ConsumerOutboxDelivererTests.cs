using Microsoft.Extensions.Hosting;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Integration.Tests.Messaging;

/// <summary>
/// Consumer outboxes are delivered after the acknowledgement, in batches that lock and delete by (message, consumer)
/// pair: one message consumed by two endpoints of a service has two outboxes, and delivering one must neither send
/// nor delete the other.
/// </summary>
public sealed class When_one_message_is_consumed_by_two_endpoints_of_a_service
{
    const int Messages = 40;

    [Fact]
    public async Task Should_deliver_both_outboxes_once_and_leave_nothing_behind()
    {
        await using var downstream = await TestService.Start(TestService.NewName("pairdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var upstream = await TestService.Start(TestService.NewName("pair"), x =>
        {
            x.AddConsumer<RecordEffectConsumer>();
            x.AddConsumer<RecordEffectAgainConsumer>();
        });
        var keys = Enumerable.Range(0, Messages).Select(i => $"pair-{i}-{Guid.NewGuid():N}").ToList();

        await Task.WhenAll(keys.Select(k => upstream.Bus.Publish(new EffectRequested { Key = k })));

        await Eventually.Until(() => LocalInfra.Count(downstream.ConnectionString,
            "SELECT count(*) FROM test_effects WHERE key LIKE 'downstream:%pair-%'"), n => n >= 2 * Messages, TimeSpan.FromSeconds(60), "both outboxes of every message downstream");
        await Eventually.Until(() => LocalInfra.Count(upstream.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Delivered" IS NULL"""),
            n => n == 0, TimeSpan.FromSeconds(30), "every inbox row delivered");

        foreach (var key in keys)
        {
            Assert.Equal(1, await downstream.Effects("downstream:" + key));
            Assert.Equal(1, await downstream.Effects("downstream:again:" + key));
        }
        Assert.Equal(0, await LocalInfra.Count(upstream.ConnectionString, """SELECT count(*) FROM "OutboxMessage" """));
        Assert.Equal(2 * Messages, await LocalInfra.Count(upstream.ConnectionString, """SELECT count(*) FROM "InboxState" """));
    }
}

/// <summary>
/// A process that acknowledged a consumed message and died before its deliverer sent the outbox leaves the inbox
/// row consumed and undelivered, and no redelivery will come. The step the next process runs at start queues every
/// such row, whatever its age (not only those past the sweeper's grace period), and they are delivered once. The
/// test runs that step itself: it plants the rows after the host started.
/// </summary>
public sealed class When_a_process_died_with_outboxes_queued_for_delivery
{
    [Fact]
    public async Task Should_have_the_start_up_step_deliver_them_all_once()
    {
        await using var downstream = await TestService.Start(TestService.NewName("leftdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var service = await TestService.Start(TestService.NewName("left"), _ => { }, new Dictionary<string, string?>
        {
            ["Outbox:OrphanSweepInterval"] = "01:00:00", // not the sweeper
            ["Outbox:DeliverLeftoversAtStart"] = "false", // the test plants the rows, then runs the start-up step
        });
        var keys = new[] { "left-old-" + Guid.NewGuid(), "left-fresh-" + Guid.NewGuid() };
        await When_a_consumed_message_was_never_delivered.Orphan(service, keys[0], consumedAgo: "2 minutes");
        await When_a_consumed_message_was_never_delivered.Orphan(service, keys[1], consumedAgo: "1 second");

        var deliverer = service.Services.GetServices<IHostedService>().OfType<ConsumerOutboxDeliverer<TestDbContext>>().Single();
        Assert.Equal(2, await deliverer.QueueLeftovers(CancellationToken.None));

        foreach (var key in keys)
            await Eventually.Until(() => downstream.Effects("downstream:" + key), n => n == 1, what: $"{key} delivered");
        await Eventually.Until(() => LocalInfra.Count(service.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Delivered" IS NULL"""),
            n => n == 0, what: "the rows marked delivered");
        Assert.Equal(0, await LocalInfra.Count(service.ConnectionString, """SELECT count(*) FROM "OutboxMessage" """));
        Assert.Equal(0, await deliverer.QueueLeftovers(CancellationToken.None));
    }
}
