using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tradewire.BrokerGateway;
using Tradewire.BrokerGateway.Http;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Market;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>
/// The broker-gateway as Program builds it (its DbContext, consumers, endpoints), in the test process, with a
/// fresh database and its own queue prefix. Inputs are sent to its queues directly (not published), and its
/// queues are not bound to the message exchanges, so no other test's messages reach it and it sees no other's.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string Token = "test-operator-token";
    readonly WebApplication app;
    readonly string prefix;

    GatewayHost(WebApplication app, string prefix, string connectionString)
    {
        this.app = app;
        this.prefix = prefix;
        ConnectionString = connectionString;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public string ConnectionString { get; }
    public HttpClient Http { get; }

    /// <summary>The queue its PlaceBracketOrder consumer reads (where a test's dispatcher sends).</summary>
    public string PlaceQueue => $"{prefix}-place-bracket-order";

    /// <summary>Starts a gateway on a fresh database, or on <paramref name="database"/> (a restart).</summary>
    public static async Task<GatewayHost> Start(IDictionary<string, string?>? settings = null, string? database = null)
    {
        var name = TestService.NewName("bg");
        var config = new Dictionary<string, string?>
        {
            ["Retry:Redelivery:0"] = "00:00:00.500", ["Retry:Redelivery:1"] = "00:00:02",
            ["Operator:Token"] = Token, ["PaperBroker:SlippageBps"] = "0",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        var host = await ServiceHost.Start<BrokerGatewayDbContext>(name, x => x.AddBrokerGatewayConsumers(name, subscribe: false), config,
            services: b => b.AddBrokerGateway(), endpoints: a => a.MapBrokerGatewayEndpoints(), database: database);
        var app = host.App;
        var connectionString = host.ConnectionString;
        return new GatewayHost(app, name, connectionString);
    }

    public async Task Send<T>(string queueSuffix, T message) where T : class
    {
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{prefix}-{queueSuffix}"));
        await endpoint.Send(message);
    }

    public Task Place(PlaceBracketOrder order) => Send("place-bracket-order", order);

    /// <summary>Sends the bars and the dispatcher run of one minute (every session minute needs both).</summary>
    public async Task Minute(TradingSession session, DateTimeOffset minute, IReadOnlyList<Bar> bars, int ordersSent = 0)
    {
        await Send("minute-bars-closed", new MinuteBarsClosed { SessionDate = session.Date, Minute = minute, Bars = bars, IsLastOfSession = minute.AddMinutes(1) == session.CloseUtc });
        await Send("dispatch-run-completed", new DispatchRunCompleted { SessionDate = session.Date, Minute = minute, RunId = Guid.NewGuid(), OrdersSent = ordersSent });
    }

    /// <summary>Runs <paramref name="action"/> on the gateway's own services, in a scope of its own (as a request would).</summary>
    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<long> Count(string sql, params object[] args) => LocalInfra.Count(ConnectionString, sql, args);

    /// <summary>Waits until <paramref name="sql"/> counts <paramref name="expected"/>.</summary>
    public Task WaitForCount(string what, string sql, long expected, TimeSpan timeout) =>
        Eventually.Until(() => Count(sql), n => n == expected, timeout, what);

    /// <summary>Waits until the gateway has acted on every minute before <paramref name="next"/>.</summary>
    public Task WaitForMinute(DateOnly date, DateTimeOffset next, TimeSpan? timeout = null) =>
        Eventually.Until(() => Count("SELECT count(*) FROM minute_cursor WHERE session_date = $1 AND next_minute >= $2", date, next),
            n => n == 1, timeout ?? TimeSpan.FromSeconds(60), $"minute cursor at {next:O}");

    /// <summary>Runs every check of scripts/reconcile_db.sql (the operator's tool); returns the failing ones (none on a healthy ledger).</summary>
    public async Task<List<string>> Reconcile() =>
        (await Tradewire.Cli.Reconcile.Run(LocalInfra.Paths, new Tradewire.Cli.Db(ConnectionString)))
            .Where(r => r.Rows > 0).Select(r => $"{r.Name}: {r.Rows} rows").ToList();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
