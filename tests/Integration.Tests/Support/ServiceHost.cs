using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Integration.Tests.Support;

/// <summary>
/// A service built exactly as production services are (ServiceDefaults: bus, inbox/outbox, retries, health) on a
/// given DbContext, hosted in the test process with its own fresh database (or a given one, for a restart) and its
/// own queue names, so tests do not collide. The one way every integration test hosts a service; the per-service
/// hosts only add that service's registrations and helpers.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    ServiceHost(string name, string connectionString, WebApplication app)
    {
        Name = name;
        ConnectionString = connectionString;
        App = app;
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public IBus Bus => App.Services.GetRequiredService<IBus>();

    /// <param name="name">Service name: the queue prefix (see <see cref="TestService.NewName"/>).</param>
    /// <param name="bus">Consumers and endpoints.</param>
    /// <param name="settings">Configuration overriding the test defaults (fast retries, quiet logs).</param>
    /// <param name="services">The service's own registrations, as its Program.cs adds them.</param>
    /// <param name="endpoints">The service's HTTP endpoints.</param>
    /// <param name="database">An existing database (a restart); a fresh one when null.</param>
    public static async Task<ServiceHost> Start<TDbContext>(string name, Action<IBusRegistrationConfigurator> bus,
        IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? endpoints = null, string? database = null)
        where TDbContext : ServiceDbContext
    {
        var connectionString = database ?? await LocalInfra.CreateDatabase(name.Replace('-', '_'));
        var builder = Builder(name, connectionString, settings);
        builder.AddServiceDatabase<TDbContext>();
        services?.Invoke(builder);
        builder.AddServiceBus<TDbContext>(bus);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        endpoints?.Invoke(app);
        await Run(app, name, connectionString, typeof(TDbContext).Assembly);
        return new ServiceHost(name, connectionString, app);
    }

    /// <summary>
    /// A web application builder on the test infrastructure with the service defaults added (fast retries, quiet
    /// logs, an ephemeral port), for a service whose own extension method adds its database and bus.
    /// </summary>
    public static WebApplicationBuilder Builder(string name, string connectionString, IDictionary<string, string?>? settings = null)
    {
        var env = LocalInfra.Environment;
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = connectionString,
            ["RabbitMq:Host"] = env["TRADEWIRE_RABBIT_HOST"],
            ["RabbitMq:Port"] = env["TRADEWIRE_RABBIT_PORT"],
            ["RabbitMq:Username"] = env["TRADEWIRE_RABBIT_USER"],
            ["RabbitMq:Password"] = env["TRADEWIRE_RABBIT_PASSWORD"],
            ["Retry:ImmediateRetries"] = "1",
            ["Retry:Redelivery:0"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults(name);
        return builder;
    }

    /// <summary>Migrates the database, starts the application and waits until its bus is connected.</summary>
    public static async Task Run(WebApplication app, string name, string connectionString, System.Reflection.Assembly migrations)
    {
        await new SqlMigrator(connectionString, NullLogger.Instance).Apply(SqlMigrator.Discover(migrations));
        await app.StartAsync();
        // Fail fast (not hang on the first publish) when the broker is not there.
        var health = await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        if (health != BusHealthStatus.Healthy)
            throw new InvalidOperationException($"Bus of {name} not healthy after 30 s ({health}); is scripts/infra.sh up running?");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
