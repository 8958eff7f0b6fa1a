using Microsoft.Extensions.Options;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>Builds a <see cref="LiveSession"/> for one trading session from the singletons it needs.</summary>
public sealed class LiveSessionFactory(IMarketDataFeed feed, IMarketClock clock, TimeProvider time, Universe universe,
    ILiveSessionSink sink, LiveFeedStatus status, IOptions<LiveOptions> options, ILoggerFactory logs) : ILiveSessions
{
    public Task Run(TradingSession session, CancellationToken token) => Create(session).Run(token);

    public LiveSession Create(TradingSession session) =>
        new(session, feed, clock, time, universe, sink, status, options.Value, logs.CreateLogger<LiveSession>());
}
