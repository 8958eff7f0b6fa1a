using Tradewire.Contracts.Execution;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>Stands in for the broker-gateway: one effect row (<c>order:&lt;execution id&gt;</c>) per PlaceBracketOrder applied.</summary>
public sealed class PlaceBracketOrderConsumer(TestDbContext db) : IConsumer<PlaceBracketOrder>
{
    public Task Consume(ConsumeContext<PlaceBracketOrder> context)
    {
        db.Add(new Effect { Id = NewId.NextGuid(), Key = "order:" + context.Message.ExecutionId, MessageId = context.MessageId });
        return Task.CompletedTask;
    }
}

/// <summary>A test broker-gateway queue (<c>&lt;name&gt;-place-bracket-order</c>) and what arrived on it.</summary>
sealed class OrderSink(TestService service) : IAsyncDisposable
{
    public string Queue => service.Name + "-place-bracket-order";

    public static async Task<OrderSink> Start() =>
        new(await TestService.Start(TestService.NewName("dbrk"), x => x.AddConsumer<PlaceBracketOrderConsumer>()));

    public Task<long> Orders() => LocalInfra.Count(service.ConnectionString, "SELECT count(*) FROM test_effects WHERE key LIKE 'order:%'");

    public Task<long> DistinctOrders() =>
        LocalInfra.Count(service.ConnectionString, "SELECT count(DISTINCT key) FROM test_effects WHERE key LIKE 'order:%'");

    public ValueTask DisposeAsync() => service.DisposeAsync();
}
