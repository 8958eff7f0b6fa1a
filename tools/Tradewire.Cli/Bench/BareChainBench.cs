using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Bench;

/// <summary>One stage's output for one minute in the bare chain: the minute's bars or news as payload.</summary>
public sealed record BareSlice
{
    public required string From { get; init; }
    public required DateTimeOffset Minute { get; init; }
    public IReadOnlyList<Bar> Bars { get; init; } = [];
    public IReadOnlyList<NewsItem> News { get; init; } = [];
}

/// <summary>
/// The transport's ceiling, to compare the full pipeline with: the pipeline's message graph over the same RabbitMQ, with
/// MassTransit, publisher confirms and the same prefetch, but no database, no inbox, no outbox and no logic. The
/// same minutes of the same session go through the same shape as in production: ingest sends bars to features
/// and the broker-gateway and news to the classifier; watchlist joins features and classified news; signal joins
/// features, classified news and the watchlist; then dispatcher, then the broker-gateway joins bars and the
/// dispatcher's run. About ten messages per minute, as in the real pipeline. A stage sends its output when it has
/// every input of the minute (no ordering: the transport alone). Wall time: first send to the gateway's last minute.
/// </summary>
public static class BareChainBench
{
    sealed record Stage(string Name, string[] Inputs, string[] Outputs);

    static readonly Stage[] Graph =
    [
        new("features", ["ingest-bars"], ["watchlist", "signal"]),
        new("classifier", ["ingest-news"], ["watchlist", "signal"]),
        new("watchlist", ["features", "classifier"], ["signal"]),
        new("signal", ["features", "classifier", "watchlist"], ["dispatcher"]),
        new("dispatcher", ["signal"], ["broker-gateway"]),
        new("broker-gateway", ["ingest-bars", "dispatcher"], []),
    ];

    public static async Task<double> Run(InfraEnvironment infra, string sessionDir, string universeFile, DateOnly date)
    {
        var universe = File.ReadLines(universeFile).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var minutes = ReplayPlan.Load(sessionDir, date, new NyseCalendar(), universe).Minutes;
        var prefix = "bench-bare-" + Guid.NewGuid().ToString("N")[..8];
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gatewayMinutes = 0;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            infra.ConfigureRabbitHost(cfg);
            cfg.PrefetchCount = 32;
            foreach (var stage in Graph)
            {
                var arrived = new ConcurrentDictionary<DateTimeOffset, int>();
                cfg.ReceiveEndpoint($"{prefix}-{stage.Name}", e =>
                {
                    // Durable, as the services' queues (an auto-delete queue would clash with the send endpoint's
                    // declaration of "queue:name"); the next bench run deletes every queue first.
                    e.ConfigureConsumeTopology = false;
                    e.Handler<BareSlice>(async context =>
                    {
                        if (arrived.AddOrUpdate(context.Message.Minute, 1, (_, n) => n + 1) != stage.Inputs.Length)
                            return;
                        arrived.TryRemove(context.Message.Minute, out _);
                        if (stage.Outputs.Length == 0 && Interlocked.Increment(ref gatewayMinutes) == minutes.Count)
                            finished.TrySetResult();
                        foreach (var output in stage.Outputs)
                            await (await context.GetSendEndpoint(new Uri($"queue:{prefix}-{output}")))
                                .Send(context.Message with { From = stage.Name });
                    });
                });
            }
        });
        await bus.StartAsync();
        try
        {
            var features = await bus.GetSendEndpoint(new Uri($"queue:{prefix}-features"));
            var gateway = await bus.GetSendEndpoint(new Uri($"queue:{prefix}-broker-gateway"));
            var classifier = await bus.GetSendEndpoint(new Uri($"queue:{prefix}-classifier"));
            var watch = Stopwatch.StartNew();
            foreach (var m in minutes)
            {
                var bars = new BareSlice { From = "ingest-bars", Minute = m.Minute, Bars = m.Bars };
                await features.Send(bars);
                await gateway.Send(bars);
                await classifier.Send(new BareSlice { From = "ingest-news", Minute = m.Minute, News = m.News });
            }
            await finished.Task.WaitAsync(TimeSpan.FromMinutes(10));
            return Math.Round(watch.Elapsed.TotalSeconds, 1);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
