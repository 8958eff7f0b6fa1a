namespace Tradewire.Integration.Tests.Messaging;

/// <summary>
/// Recovery in seconds, with the service's own background loops and default settings (the other outbox tests call
/// the steps themselves). A live session cannot wait for a consumed message's results: a minute of lag makes the
/// freshness gates refuse everything. The waits below are generous against what the defaults promise (a sweep
/// every 2 s, a 5 s grace) and shorter than the old 30 s grace, so a slow path fails them.
/// </summary>
public sealed class When_a_consumed_message_was_left_undelivered
{
    static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_have_the_running_sweeper_deliver_it_once_within_seconds()
    {
        await using var downstream = await TestService.Start(TestService.NewName("recdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        // The start-up step is off, so only the sweeper can deliver: the state a live process is in when its
        // deliverer gave up on a batch (the broker or database away for longer than its attempts).
        await using var service = await TestService.Start(TestService.NewName("recsweep"), _ => { }, new Dictionary<string, string?>
        {
            ["Outbox:DeliverLeftoversAtStart"] = "false",
        });
        var key = "recsweep-" + Guid.NewGuid();
        var inbox = await When_a_consumed_message_was_never_delivered.Orphan(service, key, consumedAgo: "1 second");

        await Eventually.Until(() => downstream.Effects("downstream:" + key), n => n == 1, Generous, "the sweeper's delivery");
        await Eventually.Until(() => LocalInfra.Count(service.ConnectionString,
            """SELECT count(*) FROM "InboxState" WHERE "MessageId" = $1 AND "Delivered" IS NOT NULL""", inbox), n => n == 1, Generous, "the row marked delivered");
        Assert.Equal(0, await LocalInfra.Count(service.ConnectionString, """SELECT count(*) FROM "OutboxMessage" WHERE "InboxMessageId" = $1""", inbox));
        Assert.Equal(1, await downstream.Effects("downstream:" + key));
    }

    [Fact]
    public async Task Should_have_the_restarted_process_deliver_its_predecessors_leftovers_once_within_seconds()
    {
        await using var downstream = await TestService.Start(TestService.NewName("recdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        var name = TestService.NewName("recstart");
        var keys = new[] { "recstart-a-" + Guid.NewGuid(), "recstart-b-" + Guid.NewGuid() };
        string database;
        // The predecessor consumed these and died before delivering them; neither of its loops touches them.
        await using (var predecessor = await TestService.Start(name, _ => { }, new Dictionary<string, string?>
               {
                   ["Outbox:DeliverLeftoversAtStart"] = "false", ["Outbox:OrphanSweepInterval"] = "01:00:00",
               }))
        {
            database = predecessor.ConnectionString;
            foreach (var key in keys)
                await When_a_consumed_message_was_never_delivered.Orphan(predecessor, key, consumedAgo: "1 second");
        }

        // The successor on the same database and queues, sweeper off: its start-up step alone must deliver them.
        await using var successor = await TestService.Start(name, _ => { }, new Dictionary<string, string?>
        {
            ["Outbox:OrphanSweepInterval"] = "01:00:00",
        }, database);

        foreach (var key in keys)
            await Eventually.Until(() => downstream.Effects("downstream:" + key), n => n == 1, Generous, $"{key} delivered by the successor");
        await Eventually.Until(() => LocalInfra.Count(successor.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Delivered" IS NULL"""),
            n => n == 0, Generous, "every row marked delivered");
        Assert.Equal(0, await LocalInfra.Count(successor.ConnectionString, """SELECT count(*) FROM "OutboxMessage" """));
        foreach (var key in keys)
            Assert.Equal(1, await downstream.Effects("downstream:" + key));
    }
}
