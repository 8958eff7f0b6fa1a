namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_a_message_fails_validation
{
    [Fact]
    public async Task Should_go_to_the_error_queue_with_the_reason_untried_and_unapplied()
    {
        var name = TestService.NewName("valid");
        var queue = name + "-orders";
        await using var service = await TestService.Start(name, x => x.AddConsumer<PlaceTestOrderConsumer>().Endpoint(e => e.Name = queue),
            new Dictionary<string, string?> { ["Retry:ImmediateRetries"] = "3", ["Retry:Redelivery:0"] = "00:00:05" });
        var run = Guid.NewGuid().ToString("N")[..8];
        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + queue));

        await send.Send(new PlaceTestOrder { Key = $"{run}-negative", Quantity = -5m, Side = TestSide.Buy });
        await send.Send(new PlaceTestOrder { Key = $"{run}-enum", Quantity = 5m, Side = (TestSide)99 });
        await send.Send(new PlaceTestOrder { Key = $"{run}-good", Quantity = 5m, Side = TestSide.Sell });

        await Eventually.Until(() => service.Effects($"{run}-good"), n => n == 1, what: "the valid order");
        // Validation failures skip the 5 s redelivery: both are in the error queue well before it could have run.
        var faulted = await RabbitManagement.TakeUntil(queue + "_error", 2, TimeSpan.FromSeconds(4));
        Assert.Equal(2, faulted.Count);
        var reasons = faulted.Select(m => m.GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-Message").GetString())
            .ToList();
        Assert.Contains(reasons, r => r!.Contains("Quantity must not be negative"));
        Assert.Contains(reasons, r => r!.Contains("Side has unknown value 99"));
        Assert.Equal(0, await service.Effects($"{run}-negative"));
        Assert.Equal(0, await service.Effects($"{run}-enum"));
        Assert.Equal(0, await LocalInfra.Count(service.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Consumed" IS NULL"""));
    }
}
