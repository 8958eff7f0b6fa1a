using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tradewire.Dispatcher.Consumers;
using Tradewire.Dispatcher.Http;
using Tradewire.Dispatcher.Runs;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Dispatcher;

/// <summary>Wires the dispatcher into a host: database, bus with its consumer, run loop, config and outcome endpoints.</summary>
public static class DispatcherRegistration
{
    public static IHostApplicationBuilder AddDispatcher(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DispatcherDbContext>();
        // Dispatcher:SubscribeToSignals=false leaves the queue unbound from the SignalsEvaluated exchange (messages are
        // then sent to it directly): test hosts on a shared broker must not receive each other's published ticks.
        var subscribe = builder.Configuration.GetValue("Dispatcher:SubscribeToSignals", true);
        // The trading mode is the broker-gateway's: it arrives as TradingModeChanged (no Dispatcher setting for it).
        builder.AddServiceBus<DispatcherDbContext>(x =>
        {
            x.AddConsumer<SignalsEvaluatedConsumer>().Endpoint(e => e.ConfigureConsumeTopology = subscribe);
            x.AddConsumer<TradingModeChangedConsumer>();
        });
        builder.Services.AddOptions<DispatcherOptions>().Bind(builder.Configuration.GetSection("Dispatcher"));
        builder.Services.AddSingleton<DispatchWakeup>();
        builder.Services.TryAddSingleton<IDispatchFaults, NoDispatchFaults>();
        builder.Services.AddSingleton<RecommendationDecider>();
        builder.Services.AddSingleton<TickRunner>();
        // Dispatcher:RunLoop=false: a host that only records ticks (drills and tests drive TickRunner themselves).
        if (builder.Configuration.GetValue("Dispatcher:RunLoop", true))
            builder.Services.AddHostedService<DispatcherRunLoop>();
        return builder;
    }

    public static WebApplication MapDispatcher(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapDispatcherConfig();
        app.MapDispatcherOutcomes();
        return app;
    }
}
