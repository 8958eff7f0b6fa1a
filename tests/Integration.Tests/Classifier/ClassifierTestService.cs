using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Classifier;
using Tradewire.Integration.Tests.Support;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Integration.Tests.Classifier;

/// <summary>
/// The classifier as Program.cs builds it (ServiceDefaults + <see cref="ClassifierServices"/> on
/// <see cref="ClassifierDbContext"/>), hosted in the test process with a fresh database and unique queue names.
/// Like <see cref="TestService"/>, but on the classifier's own DbContext and migrations.
/// </summary>
public sealed class ClassifierTestService : IAsyncDisposable
{
    ClassifierTestService(string connectionString, WebApplication app)
    {
        ConnectionString = connectionString;
        App = app;
    }

    public string ConnectionString { get; }
    public WebApplication App { get; }
    public IBus Bus => App.Services.GetRequiredService<IBus>();

    public static async Task<ClassifierTestService> Start(string name, Action<IBusRegistrationConfigurator> bus)
    {
        var connectionString = await LocalInfra.CreateDatabase(name.Replace('-', '_'));
        var env = LocalInfra.Environment;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = connectionString,
            ["RabbitMq:Host"] = env["TRADEWIRE_RABBIT_HOST"],
            ["RabbitMq:Port"] = env["TRADEWIRE_RABBIT_PORT"],
            ["RabbitMq:Username"] = env["TRADEWIRE_RABBIT_USER"],
            ["RabbitMq:Password"] = env["TRADEWIRE_RABBIT_PASSWORD"],
            ["Retry:ImmediateRetries"] = "1",
            ["Retry:Redelivery:0"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults(name);
        builder.AddServiceDatabase<ClassifierDbContext>();
        builder.Services.AddClassifier(builder.Configuration);
        builder.AddServiceBus<ClassifierDbContext>(bus);
        var app = builder.Build();
        app.MapDefaultEndpoints();

        await new SqlMigrator(connectionString, NullLogger.Instance).Apply(SqlMigrator.Discover(typeof(ClassifierDbContext).Assembly));
        await app.StartAsync();
        var health = await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        if (health != BusHealthStatus.Healthy)
            throw new InvalidOperationException($"Bus of {name} not healthy after 30 s ({health}); is scripts/infra.sh up running?");
        return new ClassifierTestService(connectionString, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
