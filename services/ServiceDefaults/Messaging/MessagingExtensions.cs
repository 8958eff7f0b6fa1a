using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tradewire.Contracts.Diagnostics;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Diagnostics;
using Tradewire.ServiceDefaults.Faults;
using Tradewire.ServiceDefaults.Metrics;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.ServiceDefaults.Messaging;

/// <summary>
/// The one place MassTransit is wired: RabbitMQ with publisher confirms, queues named
/// <c>&lt;service&gt;-&lt;consumer&gt;</c>, prefetch, the retry policy, message validation, and the
/// EF Core inbox/outbox on every consumer endpoint.
/// </summary>
public static class MessagingExtensions
{
    public static IHostApplicationBuilder AddServiceBus<TDbContext>(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
        where TDbContext : ServiceDbContext
    {
        var service = builder.Services.GetServiceIdentity();
        var rabbit = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        var retry = RetryOptions.From(builder.Configuration.GetSection("Retry"));
        builder.Services.AddSingleton(retry);
        builder.Services.Configure<TransactionalOutboxOptions>(builder.Configuration.GetSection("Outbox"));

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service.Name, false));
            x.DisableUsageTelemetry(); // no internet here, and a trading system does not phone home
            var stage = PipelineStages.Services.ToList().IndexOf(service.Name);
            if (stage >= 0) // pipeline services answer the probe; test hosts with other names do not
                x.AddConsumer<PipelineProbeConsumer<TDbContext>>().Endpoint(e => e.Name = PipelineStages.ProbeQueue(stage).AbsolutePath);
            configure?.Invoke(x);

            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseReliability(retry);
                endpoint.UseConsumeFilter(typeof(MessageValidationFilter<>), context);
                endpoint.UseTransactionalOutbox<TDbContext>(context);
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.PrefetchCount = rabbit.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddScoped<IOutboxContextFactory<TDbContext>, EntityFrameworkOutboxContextFactory<TDbContext>>();
        builder.Services.AddScoped<TransactionalBatch<TDbContext>>();
        builder.Services.TryAddScoped<AfterCommit>();
        builder.Services.TryAddSingleton<FaultInjector>();
        builder.Services.AddScoped<Sequencing.MinuteSequencer<TDbContext>>();
        builder.Services.AddScoped<Sequencing.MinuteBatch<TDbContext>>();
        builder.Services.AddOptions<OutboxDeliveryServiceOptions>();
        builder.Services.TryAddSingleton<IBusOutboxNotification, BusOutboxNotification>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IScopedBusContextProvider<IBus>, BusOutboxScopedContextProvider<TDbContext>>());
        builder.Services.AddHostedService<BusOutboxDeliveryService<TDbContext>>();
        builder.Services.AddHostedService<InboxCleanupService<TDbContext>>();
        builder.Services.AddHostedService<ConsumerOutboxSweeper<TDbContext>>();
        builder.Services.AddSingleton<ConsumerOutboxDeliverer<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsumerOutboxDeliverer<TDbContext>>());
        // Every service's /metrics shows its outbox depth and age, inbox duplicates and per-queue lag.
        builder.Services.TryAddSingleton<ServiceMetrics>();
        builder.Services.TryAddSingleton<MessagingMetrics>();
        builder.Services.TryAddSingleton<OutboxGauges>();
        builder.Services.AddScoped<IMetricsRefresh, OutboxMetricsRefresh<TDbContext>>();
        builder.Services.AddConsumeObserver<MessageLagObserver>();
        return builder;
    }

    /// <summary>
    /// One retry filter: the immediate retries, then one retry after each redelivery delay, then the error queue;
    /// validation failures skip the retries. One filter, because MassTransit does not compose nested
    /// <c>UseMessageRetry</c> filters: the first to act on a message is the only one (a test proves the count).
    /// Concurrency conflicts are retried by the outbox pass itself (<c>EntityFrameworkOutboxContextFactory</c>).
    /// </summary>
    public static void UseReliability(this IReceiveEndpointConfigurator endpoint, RetryOptions retry)
    {
        var intervals = Enumerable.Repeat(TimeSpan.Zero, retry.ImmediateRetries).Concat(retry.Redelivery).ToArray();
        if (intervals.Length > 0)
            endpoint.UseMessageRetry(r =>
            {
                r.Ignore<MessageValidationException>();
                r.Intervals(intervals);
            });
    }

    /// <summary>
    /// Puts every single-message consumer and saga on the endpoint under the inbox and consumer outbox.
    /// Batch consumers are left out: they claim their messages themselves (<see cref="TransactionalBatch{TDbContext}"/>),
    /// because the inbox must key on each message in the batch, not on the batch.
    /// </summary>
    public static void UseTransactionalOutbox<TDbContext>(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
        where TDbContext : ServiceDbContext
    {
        var observer = new SingleMessageOutboxObserver<MassTransit.Configuration.OutboxConsumePipeSpecificationObserver<TDbContext>>(new MassTransit.Configuration.OutboxConsumePipeSpecificationObserver<TDbContext>(endpoint, context));
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }
}
