using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tradewire.BrokerGateway.Saga;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>The bracket saga on MassTransit's mediator, registered as the service does, but with the in-memory saga repository.</summary>
public sealed class SagaMediator : IAsyncDisposable
{
    readonly ServiceProvider _services;
    readonly AsyncServiceScope _scope;

    public SagaMediator()
    {
        var services = new ServiceCollection();
        services.AddScoped<BracketLifecycle>();
        services.AddMediator(x => x.AddSagaStateMachine<BracketSaga, BracketSagaState>().InMemoryRepository());
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
        Lifecycle = _scope.ServiceProvider.GetRequiredService<BracketLifecycle>();
    }

    public BracketLifecycle Lifecycle { get; }

    public async Task<string?> StateOf(Guid executionId) =>
        (await _scope.ServiceProvider.GetRequiredService<ILoadSagaRepository<BracketSagaState>>().Load(executionId))?.CurrentState;

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
