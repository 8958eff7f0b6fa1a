using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Features;
using Tradewire.Features.Consumers;
using Tradewire.Features.Persistence;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Integration.Tests.Features;

/// <summary>
/// The features service wired as its Program.cs does (FeaturesDbContext, FeatureStore, the bars consumer), in the
/// test process, with a fresh database and unique queue names. The bars queue is not bound to the
/// <c>MinuteBarsClosed</c> exchange (the test sends to it directly), so other tests' bars never reach it; a
/// <see cref="FeaturesComputedRecorder"/> on its own temporary queue collects what the service publishes.
/// </summary>
public sealed class FeaturesHost : IAsyncDisposable
{
    FeaturesHost(string name, string connectionString, WebApplication app)
    {
        ConnectionString = connectionString;
        App = app;
        BarsQueue = new Uri($"queue:{name}-minute-bars-closed");
    }

    public string ConnectionString { get; }
    public WebApplication App { get; }
    public Uri BarsQueue { get; }
    public IBus Bus => App.Services.GetRequiredService<IBus>();
    public FeaturesComputedLog Published => App.Services.GetRequiredService<FeaturesComputedLog>();

    /// <param name="name">The service name, when the test fills its bars queue before the start (a backlog).</param>
    public static async Task<FeaturesHost> Start(string? name = null)
    {
        name ??= TestService.NewName("feat");
        var host = await ServiceHost.Start<FeaturesDbContext>(name, x =>
        {
            x.AddConsumer<MinuteBarsClosedConsumer>(typeof(MinuteBarsClosedConsumerDefinition)).Endpoint(e =>
            {
                e.Name = name + "-minute-bars-closed";
                e.ConfigureConsumeTopology = false;
            });
            // One at a time, so the log's order is the order the messages reached the queue. Temporary (expires
            // unused): it binds to the shared FeaturesComputed exchange and must not collect messages after the test.
            x.AddConsumer<FeaturesComputedRecorder>().Endpoint(e =>
            {
                e.Name = name + "-features-computed";
                e.Temporary = true;
                e.ConcurrentMessageLimit = 1;
            });
        }, services: b =>
        {
            b.Services.AddScoped<FeatureStore>();
            b.Services.AddSingleton<FeaturesComputedLog>();
        });
        var (connectionString, app) = (host.ConnectionString, host.App);
        return new FeaturesHost(name, connectionString, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
