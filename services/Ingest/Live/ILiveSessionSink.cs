using Tradewire.Ingest.Persistence;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>Where a live session's outcomes go (<see cref="LiveStore"/>: ingest's database and the bus outbox).</summary>
public interface ILiveSessionSink
{
    /// <summary>The session's progress row, created first when missing and <paramref name="createIfMissing"/>; null when absent.</summary>
    Task<SessionProgress?> Open(DateOnly date, string source, decimal speed, bool createIfMissing, CancellationToken token);

    /// <summary>Records refused, late and updated bars with their counters.</summary>
    Task Record(DateOnly date, string source, IReadOnlyList<RecordedBar> bars, CancellationToken token);

    /// <summary>Raises FEED_STALE for the outage that left <paramref name="minute"/> incomplete.</summary>
    Task RaiseStale(DateTimeOffset minute, DateTimeOffset at, TimeSpan maxHold, string? lastFault, CancellationToken token);

    /// <summary>Publishes a closed minute (false when it was already published).</summary>
    Task<bool> Publish(TradingSession session, string source, ReplayMinute minute, CancellationToken token);
}
