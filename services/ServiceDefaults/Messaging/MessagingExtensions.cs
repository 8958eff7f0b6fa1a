using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tradewire.Contracts.Diagnostics;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Diagnostics;
using Tradewire.ServiceDefaults.Faults;
using Tradewire.ServiceDefaults.Messaging.Outbox;
using Tradewire.ServiceDefaults.Watermarks;

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
        builder.Services.TryAddSingleton<FaultInjector>();
        builder.Services.AddScoped<MinuteWatermarks<TDbContext>>();
        builder.Services.AddScoped<Sequencing.MinuteSequencer<TDbContext>>();
        builder.Services.AddOptions<OutboxDeliveryServiceOptions>();
        builder.Services.TryAddSingleton<IBusOutboxNotification, BusOutboxNotification>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IScopedBusContextProvider<IBus>, BusOutboxScopedContextProvider<TDbContext>>());
        builder.Services.AddHostedService<BusOutboxDeliveryService<TDbContext>>();
        builder.Services.AddHostedService<InboxCleanupService<TDbContext>>();
        builder.Services.AddHostedService<ConsumerOutboxSweeper<TDbContext>>();
        return builder;
    }

    /// <summary>Retry, then error queue; validation failures skip the retries.</summary>
    public static void UseReliability(this IReceiveEndpointConfigurator endpoint, RetryOptions retry)
    {
        if (retry.Redelivery.Length > 0)
            endpoint.UseMessageRetry(r =>
            {
                r.Ignore<MessageValidationException>();
                r.Intervals(retry.Redelivery);
            });
        if (retry.ImmediateRetries > 0)
            endpoint.UseMessageRetry(r =>
            {
                r.Ignore<MessageValidationException>();
                r.Immediate(retry.ImmediateRetries);
            });
        // Innermost, so a conflict does not spend the retries meant for real failures: an optimistic-concurrency
        // conflict (two messages updating one saga) is expected under load and resolved by consuming again from a
        // fresh read. Randomised growing delays keep the losers of one round from colliding again in the next.
        if (retry.ConcurrencyRetries > 0)
            endpoint.UseMessageRetry(r =>
            {
                r.Handle<Exception>(IsConcurrencyConflict);
                r.Exponential(retry.ConcurrencyRetries, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10));
            });
    }

    static bool IsConcurrencyConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
                return true;
        return false;
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
