using MassTransit;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Consumers;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Http;
using Tradewire.BrokerGateway.Risk;

namespace Tradewire.BrokerGateway;

/// <summary>Registration shared by Program and the integration tests' host.</summary>
public static class BrokerGatewayExtensions
{
    /// <summary>
    /// Consumers with explicit queue names: <c>broker-gateway-place-bracket-order</c> (the dispatcher sends to it
    /// by name), <c>-minute-bars-closed</c>, <c>-dispatch-run-completed</c>. Tests pass their own prefix.
    /// </summary>
    public static void AddBrokerGatewayConsumers(this IBusRegistrationConfigurator x, string queuePrefix = "broker-gateway")
    {
        x.AddConsumer<PlaceBracketOrderConsumer>().Endpoint(e => e.Name = $"{queuePrefix}-place-bracket-order");
        x.AddConsumer<MinuteBarsClosedConsumer>().Endpoint(e => e.Name = $"{queuePrefix}-minute-bars-closed");
        x.AddConsumer<DispatchRunCompletedConsumer>().Endpoint(e => e.Name = $"{queuePrefix}-dispatch-run-completed");
    }

    public static IHostApplicationBuilder AddBrokerGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RiskLimits>(builder.Configuration.GetSection("Risk"));
        builder.Services.Configure<PaperBrokerOptions>(builder.Configuration.GetSection("PaperBroker"));
        builder.Services.Configure<EngineOptions>(builder.Configuration.GetSection("EndOfDay"));
        builder.Services.AddScoped<MinuteStep>();
        builder.Services.AddScoped<TradingControl>();
        builder.Services.AddScoped<LedgerQueries>();
        // Registered before the bus (AddServiceBus comes after): hosted services start in order, so a
        // KILL_SWITCH=1 start halts and flattens before any minute is consumed.
        builder.Services.AddHostedService<KillSwitchAtStartup>();
        return builder;
    }
}
