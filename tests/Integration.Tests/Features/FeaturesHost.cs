using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Features;
using Tradewire.Features.Consumers;
using Tradewire.Features.Persistence;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Integration.Tests.Features;

/// <summary>
/// The features service wired as its Program.cs does (FeaturesDbContext, FeatureStore, the bars consumer), in the
/// test process, with a fresh database and unique queue names. The bars queue is not bound to the
/// <c>MinuteBarsClosed</c> exchange (the test sends to it directly), so other tests' bars never reach it; a
/// <see cref="FeaturesComputedRecorder"/> on its own temporary queue collects what the service publishes.
/// </summary>
public sealed class FeaturesHost(ServiceHost host) : IAsyncDisposable
{
    public string ConnectionString => host.ConnectionString;
    public WebApplication App => host.App;
    public Uri BarsQueue { get; } = new($"queue:{host.Name}-minute-bars-closed");
    public IBus Bus => host.Bus;
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
        return new FeaturesHost(host);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
