using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewire.Ingest.Publishing;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>Builds a <see cref="LiveSession"/> for one trading session from the singletons it needs.</summary>
public sealed class LiveSessionFactory(IMarketDataFeed feed, IMarketClock clock, TimeProvider time, Universe universe, SessionMinutePublisher publisher,
    LiveStore store, LiveFeedStatus status, IOptions<LiveOptions> options, ILoggerFactory logs)
{
    public LiveSession Create(TradingSession session) =>
        new(session, feed, clock, time, universe, publisher, store, status, options.Value, logs.CreateLogger<LiveSession>());
}
