using System.Diagnostics;
using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_events_for_one_saga_arrive_concurrently(ITestOutputHelper output)
{
    const int Events = 20;

    [Fact]
    public async Task Should_not_lose_an_update()
    {
        var name = TestService.NewName("saga");
        var queue = name + "-counter";
        await using var service = await TestService.Start(name, x => x.AddSagaStateMachine<CounterStateMachine, CounterState>()
            .TradewireRepository<CounterState, TestDbContext>()
            .Endpoint(e =>
            {
                e.Name = queue;
                e.PrefetchCount = Events;
                e.ConcurrentMessageLimit = Events; // all increments in flight at once, all on one row
            }));
        var machine = service.Services.GetRequiredService<CounterStateMachine>();
        var counter = NewId.NextGuid();

        await service.Bus.Publish(new CounterStarted { CounterId = counter });
        await Eventually.Until(() => Count(service, counter), n => n == 0, what: "the saga to be created");

        var messageIds = Enumerable.Range(0, Events).Select(_ => NewId.NextGuid()).ToList();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(messageIds.Select(id => service.Bus.Publish(new CounterIncremented { CounterId = counter }, c => c.MessageId = id)));
        await Eventually.Until(() => Count(service, counter), n => n >= Events, TimeSpan.FromSeconds(60), "all increments");
        watch.Stop();
        var applications = machine.Applications;
        output.WriteLine($"{Events} increments committed in {watch.ElapsedMilliseconds} ms; applied {applications} times, " +
                         $"so {applications - Events} consumes were retried after an optimistic-concurrency conflict");

        // The same event again (same MessageId): the inbox knows it was consumed, so it must not count twice.
        var duplicate = messageIds[0];
        var receives = await Eventually.Until(() => ReceiveCount(service, duplicate), n => n >= 0, what: "the first delivery to finish");
        await service.Bus.Publish(new CounterIncremented { CounterId = counter }, c => c.MessageId = duplicate);
        await Eventually.Until(() => ReceiveCount(service, duplicate), n => n > receives, what: "the duplicate to be received");

        Assert.Equal(Events, await Count(service, counter));
        Assert.True(applications > Events, $"expected concurrent consumes of one saga to conflict at least once; applied {applications} times for {Events} events");
        Assert.Equal(Events, await LocalInfra.Count(service.ConnectionString,
            """SELECT count(*) FROM "InboxState" WHERE "Consumed" IS NOT NULL AND "MessageId" = ANY($1)""", messageIds.ToArray()));
        Assert.True(await RabbitManagement.MessagesIn(queue + "_error") <= 0, "no increment may end in the error queue");
        var loaded = await service.Services.GetRequiredService<ILoadSagaRepository<CounterState>>().Load(counter);
        Assert.Equal(Events, loaded?.Count);
    }

    /// <summary>The saga's count, or -1 while it does not exist.</summary>
    static Task<long> Count(TestService service, Guid counter) => LocalInfra.Count(service.ConnectionString,
        "SELECT coalesce(max(count), -1) FROM test_counter_saga WHERE correlation_id = $1", counter);

    static Task<long> ReceiveCount(TestService service, Guid messageId) => LocalInfra.Count(service.ConnectionString,
        """SELECT coalesce(max("ReceiveCount"), -1) FROM "InboxState" WHERE "MessageId" = $1 AND "Delivered" IS NOT NULL""", messageId);
}
