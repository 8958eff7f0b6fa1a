using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.ServiceDefaults.Sequencing;
using Tradewire.Signal;
using Tradewire.Signal.Consumers;
using Tradewire.Watchlist;
using Tradewire.Watchlist.Consumers;

namespace Tradewire.Integration.Tests.Decision;

/// <summary>
/// The watchlist or the signal service built as in production (their own DbContext, migrations, options and
/// consumer) in the test process, with a fresh database and unique queue names. The test sends the upstream
/// inputs straight to <see cref="InputQueue"/> (not bound to the shared exchanges, so other tests' messages do
/// not reach it); the signal host binds its queue to <see cref="WatchlistUpdated"/> as production does, and a
/// collector endpoint records every WatchlistUpdated and SignalsEvaluated of the test's session date.
/// </summary>
public sealed class DecisionHost(ServiceHost host, string inputQueue) : IAsyncDisposable
{
    public string ConnectionString => host.ConnectionString;
    public WebApplication App => host.App;
    public string InputQueue => inputQueue;
    public DecisionCollector Collector => App.Services.GetRequiredService<DecisionCollector>();

    public static Task<DecisionHost> StartWatchlist(DateOnly date) => Start<WatchlistDbContext, WatchlistInputsConsumer>("dwl", date, b => b.AddWatchlist(), bindWatchlist: false);

    public static Task<DecisionHost> StartSignal(DateOnly date) => Start<SignalDbContext, SignalInputsConsumer>("dsg", date, b => b.AddSignal(), bindWatchlist: true);

    static async Task<DecisionHost> Start<TDb, TConsumer>(string prefix, DateOnly date, Action<WebApplicationBuilder> add, bool bindWatchlist)
        where TDb : ServiceDbContext where TConsumer : class, IConsumer
    {
        var name = TestService.NewName(prefix);
        var inputQueue = name + "-inputs";
        var host = await ServiceHost.Start<TDb>(name, x =>
        {
            x.AddConsumer<TConsumer>(typeof(MinuteBatchDefinition<TConsumer>)).Endpoint(e => { e.Name = inputQueue; e.ConfigureConsumeTopology = false; });
            if (bindWatchlist)
                x.AddConfigureEndpointsCallback((_, endpointName, cfg) =>
                {
                    if (endpointName == inputQueue && cfg is IRabbitMqReceiveEndpointConfigurator rabbit)
                        rabbit.Bind<WatchlistUpdated>();
                });
            else
                x.AddConsumer<DecisionCollectorConsumer>().Endpoint(e => e.Name = name + "-collector");
        }, new Dictionary<string, string?> { ["Retry:ImmediateRetries"] = "3" }, services: b =>
        {
            add(b);
            b.Services.AddSingleton(new DecisionCollector(date));
        });
        return new DecisionHost(host, inputQueue);
    }

    public async Task Send(object message)
    {
        var endpoint = await App.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:" + InputQueue));
        await endpoint.Send(message);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

/// <summary>What the decision services published for one session date (others' messages are ignored).</summary>
public sealed class DecisionCollector(DateOnly date)
{
    public DateOnly Date { get; } = date;
    public ConcurrentQueue<WatchlistUpdated> Watchlists { get; } = new();
    public ConcurrentQueue<SignalsEvaluated> Signals { get; } = new();
}

/// <summary>Records the test session's outputs into the host's <see cref="DecisionCollector"/>.</summary>
public sealed class DecisionCollectorConsumer(DecisionCollector collector) : IConsumer<WatchlistUpdated>, IConsumer<SignalsEvaluated>
{
    public Task Consume(ConsumeContext<WatchlistUpdated> context)
    {
        if (context.Message.SessionDate == collector.Date) collector.Watchlists.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<SignalsEvaluated> context)
    {
        if (context.Message.SessionDate == collector.Date) collector.Signals.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
