using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Integration.Tests.Support;

/// <summary>
/// A service built exactly as production services are (ServiceDefaults: bus, inbox/outbox, retries, health),
/// hosted in the test process with its own fresh database and its own queue names, so tests do not collide.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    TestService(string name, string connectionString, WebApplication app)
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

    /// <summary>A unique service name (queue prefix) for one test.</summary>
    public static string NewName(string prefix) => $"t{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    public static async Task<TestService> Start(string name, Action<IBusRegistrationConfigurator> bus,
        IDictionary<string, string?>? settings = null)
    {
        var connectionString = await LocalInfra.CreateDatabase(name.Replace('-', '_'));
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
        builder.AddServiceDatabase<TestDbContext>();
        builder.AddServiceBus<TestDbContext>(bus);
        var app = builder.Build();
        app.MapDefaultEndpoints();

        await new SqlMigrator(connectionString, NullLogger.Instance).Apply(SqlMigrator.Discover(typeof(TestDbContext).Assembly));
        await app.StartAsync();
        // Fail fast (not hang on the first publish) when the broker is not there.
        var health = await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        if (health != BusHealthStatus.Healthy)
            throw new InvalidOperationException($"Bus of {name} not healthy after 30 s ({health}); is scripts/infra.sh up running?");
        return new TestService(name, connectionString, app);
    }

    public Task<long> Effects(string key) =>
        LocalInfra.Count(ConnectionString, "SELECT count(*) FROM test_effects WHERE key = $1", key);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
