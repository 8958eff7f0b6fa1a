using System.Collections.Concurrent;

namespace Tradewire.Integration.Tests.Messaging;

/// <summary>Fails every attempt and counts them per key.</summary>
public sealed class AlwaysFailingConsumer : IConsumer<EffectRequested>
{
    public static readonly ConcurrentDictionary<string, int> Attempts = new();

    public Task Consume(ConsumeContext<EffectRequested> context)
    {
        Attempts.AddOrUpdate(context.Message.Key, 1, (_, n) => n + 1);
        throw new InvalidOperationException("fails every time");
    }
}

public sealed class When_a_consumer_keeps_failing
{
    [Fact]
    public async Task Should_retry_immediately_and_after_every_redelivery_delay_before_the_error_queue()
    {
        var name = TestService.NewName("retry");
        var queue = name + "-always-failing";
        await using var service = await TestService.Start(name, x => x.AddConsumer<AlwaysFailingConsumer>().Endpoint(e => e.Name = queue),
            new Dictionary<string, string?>
            {
                ["Retry:ImmediateRetries"] = "1", ["Retry:Redelivery:0"] = "00:00:00.200", ["Retry:Redelivery:1"] = "00:00:00.200",
            });
        var key = "retry-" + Guid.NewGuid();
        await service.Bus.Publish(new EffectRequested { Key = key });

        Assert.Single(await RabbitManagement.TakeUntil(queue + "_error", 1, TimeSpan.FromSeconds(60)));
        // The first attempt, 1 immediate retry, 1 retry after each of the 2 delays. (Three nested retry filters
        // used to give 2 here: MassTransit lets only the first filter that acts retry.)
        Assert.Equal(4, AlwaysFailingConsumer.Attempts[key]);
    }
}
