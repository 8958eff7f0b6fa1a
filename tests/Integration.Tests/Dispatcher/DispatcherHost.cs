using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Contracts.Signals;
using Tradewire.Dispatcher;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// The dispatcher built exactly as its Program.cs builds it (AddDispatcher, MapDispatcher), hosted in the test
/// process. Replicas share a name (queue) and a database; its queue is not bound to the SignalsEvaluated
/// exchange, the test sends to it directly, so parallel tests on the shared broker never see each other's ticks.
/// </summary>
sealed class DispatcherHost : IAsyncDisposable
{
    public const string OperatorToken = "test-operator-token";

    DispatcherHost(string name, string connectionString, WebApplication app) =>
        (Name, ConnectionString, App) = (name, connectionString, app);

    public string Name { get; }
    public string ConnectionString { get; }
    public WebApplication App { get; }
    public string Queue => Name + "-signals-evaluated";

    public static async Task<DispatcherHost> Start(string name, string? connectionString, string brokerQueue,
        Action<IServiceCollection>? services = null, bool runLoop = true, string pollInterval = "00:00:00.200")
    {
        connectionString ??= await LocalInfra.CreateDatabase(name.Replace('-', '_'));
        var builder = ServiceHost.Builder(name, connectionString, new Dictionary<string, string?>
        {
            ["Operator:Token"] = OperatorToken,
            ["Dispatcher:BrokerQueue"] = brokerQueue,
            ["Dispatcher:PollInterval"] = pollInterval,
            ["Dispatcher:SubscribeToSignals"] = "false",
            ["Dispatcher:RunLoop"] = runLoop ? "true" : "false",
        });
        services?.Invoke(builder.Services);
        builder.AddDispatcher();
        var app = builder.Build();
        app.MapDispatcher();
        await ServiceHost.Run(app, name, connectionString, typeof(DispatcherDbContext).Assembly);
        return new DispatcherHost(name, connectionString, app);
    }

    public async Task Send(SignalsEvaluated message)
    {
        var endpoint = await App.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:" + Queue));
        await endpoint.Send(message);
    }

    public HttpClient Http(bool withToken = true)
    {
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        if (withToken)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        return client;
    }

    public Task<long> Count(string sql, params object[] parameters) => LocalInfra.Count(ConnectionString, sql, parameters);

    /// <summary>Waits until the run of every tick up to <paramref name="minutes"/> ticks is done.</summary>
    public Task<long> TicksDone(int minutes, TimeSpan? timeout = null) =>
        Eventually.Until(() => Count("SELECT count(*) FROM dispatcher_ticks WHERE done_at IS NOT NULL"), n => n >= minutes,
            timeout ?? TimeSpan.FromSeconds(60), $"{minutes} dispatcher ticks done");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
