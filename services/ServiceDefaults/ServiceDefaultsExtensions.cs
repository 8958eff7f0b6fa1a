using Microsoft.AspNetCore.Builder;
using Prometheus;
using Tradewire.ServiceDefaults.Configuration;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Health;
using Tradewire.ServiceDefaults.MarketTime;
using Tradewire.ServiceDefaults.Metrics;
using Tradewire.ServiceDefaults.Telemetry;

namespace Tradewire.ServiceDefaults;

/// <summary>What every service's Program.cs calls: configuration, JSON logs, telemetry, health, clock.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// A web application builder whose content root is the service's own directory, so appsettings.json is
    /// found whatever the working directory (a script, a container, a test runner).
    /// </summary>
    public static WebApplicationBuilder CreateServiceBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>
    /// Configuration: appsettings.json, then <c>$TRADEWIRE_CONFIG_DIR/&lt;service&gt;.json</c> (reloaded on
    /// change), then environment variables, which win. Files must not hold secrets (<see cref="SecretsGuard"/>).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));

        var configDir = builder.Configuration["TRADEWIRE_CONFIG_DIR"];
        if (!string.IsNullOrWhiteSpace(configDir))
            builder.Configuration.AddJsonFile(Path.Combine(configDir, serviceName + ".json"), optional: true, reloadOnChange: true);
        builder.Configuration.AddEnvironmentVariables();
        SecretsGuard.EnsureNoSecretsInFiles(builder.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.AddTradewireTelemetry(serviceName);
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<MessagingMetrics>();

        // The one clock: the wall clock, or a scaled market clock when MarketClock:Origin/StartedAt/Speed are set
        // (a simulated day at N x, the same in every service). Market logic reads time only through IMarketClock.
        builder.Services.AddSingleton(ScaledTimeProvider.FromConfiguration(builder.Configuration) ?? TimeProvider.System);
        builder.Services.AddSingleton<IMarketCalendar, NyseCalendar>();
        builder.Services.AddSingleton<IMarketClock, MarketClock>();
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> (Prometheus text, <c>trader_*</c>). Like the
    /// health endpoints, <c>/metrics</c> needs no token: it is read-only and Prometheus scrapes it as is.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        var registry = app.Services.GetRequiredService<ServiceMetrics>().Registry;
        app.MapMetrics(settings => settings.Registry = registry);
        return app;
    }

    /// <summary>
    /// Applies the database migrations, then runs the service. With <c>--migrate-only</c> it applies them and
    /// exits: the one command an operator runs before a deploy.
    /// </summary>
    public static async Task RunServiceAsync(this WebApplication app, string[] args)
    {
        var target = app.Services.GetService<MigrationTarget>();
        if (target is not null)
        {
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
            // A database that is restarting, or that dropped our connection, is waited for (about a minute) rather
            // than ending the process: a deploy and a database blip can overlap.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await new SqlMigrator(target.ConnectionString, log).Apply(SqlMigrator.Discover(target.ServiceAssembly));
                    break;
                }
                catch (Npgsql.NpgsqlException e) when (attempt < 30 && (e.IsTransient || e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" }))
                {
                    log.LogWarning(e, "Database not available for migrations (attempt {Attempt}); retrying in 2 s", attempt);
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }
        }
        if (args.Contains("--migrate-only"))
            return;
        await app.RunAsync();
    }

    internal static ServiceIdentity GetServiceIdentity(this IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<ServiceIdentity>().LastOrDefault()
        ?? throw new InvalidOperationException("Call AddServiceDefaults(serviceName) before adding the bus.");
}
