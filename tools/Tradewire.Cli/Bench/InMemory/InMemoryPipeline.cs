using MassTransit;
using Tradewire.Classifier.Classification;
using Tradewire.Classifier.Sentiment;
using Tradewire.Classifier.Tickers;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;
using ClassifierUniverse = Tradewire.ServiceDefaults.Symbols.Universe;
using IngestUniverse = Tradewire.ServiceDefaults.Symbols.Universe;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>What one in-memory replay took and produced (counts to set against the real pipeline's).</summary>
/// <param name="WallSeconds">From the first message sent to the broker-gateway stage having processed the last minute.</param>
/// <param name="Bars">Bars ingest sent (validated, as <c>lane_telemetry</c>).</param>
/// <param name="Recommendations">Distinct recommendations the dispatcher received (<c>dispatch_recommendations</c>).</param>
/// <param name="Executions">Recommendations that passed the gates and pricing (<c>dispatch_executions</c>, PlaceBracketOrder sent).</param>
/// <param name="Fills">Broker fills booked by the gateway (<c>trades</c>).</param>
public sealed record InMemoryResult(double WallSeconds, int Minutes, int Bars, int Recommendations, int Executions, int Fills);

/// <summary>
/// The logic's own ceiling, to compare the full pipeline with: the production pipeline's stages and message graph, with the
/// services' own domain code, in one process on MassTransit's in-memory transport: no database, no inbox, no outbox.
/// ingest publishes <see cref="MinuteBarsClosed"/> and <see cref="NewsMinuteClosed"/> per minute; classifier,
/// features, watchlist, signal, dispatcher and broker-gateway each consume on their own endpoint (one message at a
/// time, minutes joined and taken in market-time order) and publish what the service publishes. The session is
/// loaded (and the sentiment model read) before the clock starts.
/// </summary>
public static class InMemoryPipeline
{
    const string Prefix = "tw-inmemory";

    /// <summary>Replays <paramref name="sessionDir"/> as <paramref name="date"/> through the stages as fast as they go.</summary>
    /// <param name="universeFile">Ingest's universe (bar validation), as the real bench's <c>Universe__Path</c>; the classifier
    /// keeps the universe it ships with, as in the real bench.</param>
    public static async Task<InMemoryResult> Run(string sessionDir, string universeFile, DateOnly date, CancellationToken token = default)
    {
        var calendar = new NyseCalendar();
        var plan = ReplayPlan.Load(sessionDir, date, calendar, IngestUniverse.Load(universeFile).Symbols);
        // The classifier reads the universe it ships with (Universe.LoadDefault: data/universe.csv), not the session's:
        // the real bench points only ingest at the bench universe (Universe__Path), so this keeps the counts comparable.
        var classifier = new NewsClassifier(
            new TickerExtractor(ClassifierUniverse.Load(ShippedFile(ClassifierUniverse.FileName, Path.Combine("data", "universe.csv"), universeFile))),
            new MlNetSentimentModel(ShippedFile(MlNetSentimentModel.DefaultRelativePath,
                Path.Combine("services", "Classifier", MlNetSentimentModel.DefaultRelativePath), universeFile)));

        var run = new PipelineRun(plan.Session, plan.Minutes.Count);
        var gatewayQueue = new Uri($"queue:{Prefix}-broker-gateway");
        var gateway = new BrokerGatewayStage(run);
        await using var _ = gateway;
        var bus = Bus.Factory.CreateUsingInMemory(cfg =>
        {
            Endpoint(cfg, "classifier", new ClassifierStage(run, classifier));
            Endpoint(cfg, "features", new FeaturesStage(run));
            Endpoint(cfg, "watchlist", new WatchlistStage(run));
            Endpoint(cfg, "signal", new SignalStage(run));
            Endpoint(cfg, "dispatcher", new DispatcherStage(run, gatewayQueue));
            Endpoint(cfg, "broker-gateway", gateway);
        });
        await bus.StartAsync(token);
        try
        {
            await using var cancel = token.Register(() => run.Cancel(token));
            var session = plan.Session;
            var bars = 0;
            run.Wall.Start();
            foreach (var minute in plan.Minutes)
            {
                var first = minute.Minute == session.OpenUtc;
                var last = minute.Minute.AddMinutes(1) == session.CloseUtc;
                if (first)
                    await bus.Publish(new SessionOpened { SessionDate = session.Date, OpensAt = session.OpenUtc, ClosesAt = session.CloseUtc, IsEarlyClose = session.IsEarlyClose }, token);
                await bus.Publish(new MinuteBarsClosed { SessionDate = session.Date, Minute = minute.Minute, Bars = minute.Bars, IsLastOfSession = last }, token);
                await bus.Publish(new NewsMinuteClosed { SessionDate = session.Date, Minute = minute.Minute, Items = minute.News }, token);
                if (minute.Minute.AddMinutes(1) == session.CloseUtc - TimeSpan.FromMinutes(10))
                    await bus.Publish(new SessionClosing { SessionDate = session.Date, At = minute.Minute.AddMinutes(1), ClosesAt = session.CloseUtc }, token);
                bars += minute.Bars.Count;
                if (last)
                    await bus.Publish(new SessionClosed
                    {
                        SessionDate = session.Date, ClosedAt = session.CloseUtc, Minutes = session.Minutes, BarsPublished = bars,
                        BarsRejected = plan.Minutes.Sum(m => m.Rejections.Count(r => r.Kind == "BAR")),
                    }, token);
            }
            var wall = await run.Completion;
            return new InMemoryResult(Math.Round(wall, 3), run.GatewayMinutes, bars, run.Recommendations, run.Executions, run.Fills);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    static void Endpoint<T>(IInMemoryBusFactoryConfigurator cfg, string stage, T consumer) where T : class, IConsumer =>
        cfg.ReceiveEndpoint($"{Prefix}-{stage}", e =>
        {
            // One message at a time per stage, as the services' minute sequencers serialize their minutes.
            e.ConcurrentMessageLimit = 1;
            e.Instance(consumer);
        });

    /// <summary>A file the classifier ships with: beside this program (copied with the classifier's content), else in the checkout.</summary>
    static string ShippedFile(string besideProgram, string inCheckout, string universeFile)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, besideProgram);
        if (File.Exists(beside))
            return beside;
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(Path.GetFullPath(universeFile))!, Environment.CurrentDirectory })
        {
            try
            {
                var inRepo = Path.Combine(RepoPaths.Locate(start).Root, inCheckout);
                if (File.Exists(inRepo))
                    return inRepo;
            }
            catch (InvalidOperationException)
            {
                // not inside a checkout: try the next start
            }
        }
        throw new FileNotFoundException($"{besideProgram} not found beside the program or in a Tradewire checkout");
    }
}
