using MassTransit;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Consumers;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Http;
using Tradewire.BrokerGateway.Risk;
using Tradewire.BrokerGateway.Saga;
using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.BrokerGateway;

/// <summary>Registration shared by Program and the integration tests' host.</summary>
public static class BrokerGatewayExtensions
{
    /// <summary>
    /// Consumers with explicit queue names: <c>broker-gateway-place-bracket-order</c> (the dispatcher sends to it
    /// by name), <c>-minute-bars-closed</c>, <c>-dispatch-run-completed</c>. Tests pass their own prefix and
    /// <paramref name="subscribe"/> = false: their inputs are sent to the queues directly, and a queue bound to the
    /// message exchanges would also receive every other test's bars and dispatcher runs of the same market minutes.
    /// </summary>
    public static void AddBrokerGatewayConsumers(this IBusRegistrationConfigurator x, string queuePrefix = "broker-gateway", bool subscribe = true)
    {
        x.AddConsumer<PlaceBracketOrderConsumer>().Endpoint(e => e.Name = $"{queuePrefix}-place-bracket-order");
        x.AddConsumer<MinuteBarsClosedConsumer>().Endpoint(e =>
        {
            e.Name = $"{queuePrefix}-minute-bars-closed";
            e.ConfigureConsumeTopology = subscribe;
        });
        x.AddConsumer<DispatchRunCompletedConsumer>().Endpoint(e =>
        {
            e.Name = $"{queuePrefix}-dispatch-run-completed";
            e.ConfigureConsumeTopology = subscribe;
        });
    }

    public static IHostApplicationBuilder AddBrokerGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RiskLimits>(builder.Configuration.GetSection("Risk"));
        builder.Services.Configure<PaperBrokerOptions>(builder.Configuration.GetSection("PaperBroker"));
        builder.Services.Configure<EngineOptions>(builder.Configuration.GetSection("EndOfDay"));
        builder.Services.AddScoped<MinuteStep>();
        builder.Services.AddScoped<BracketLifecycle>();
        // The bracket saga runs on the in-process mediator, in the caller's scope and transaction (see BracketLifecycle),
        // and is persisted in bracket_sagas by the shared EF Core saga repository.
        builder.Services.AddMediator(x => x.AddSagaStateMachine<BracketSaga, BracketSagaState>()
            .TradewireRepository<BracketSagaState, BrokerGatewayDbContext>());
        builder.Services.AddScoped<TradingControl>();
        builder.Services.AddScoped<LedgerQueries>();
        // Registered before the bus (AddServiceBus comes after): hosted services start in order, so a
        // KILL_SWITCH=1 start halts and flattens before any minute is consumed.
        builder.Services.AddHostedService<KillSwitchAtStartup>();
        return builder;
    }
}
