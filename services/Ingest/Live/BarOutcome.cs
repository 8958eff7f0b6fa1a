using Tradewire.Contracts.Market;
using Tradewire.Ingest.Replay;

namespace Tradewire.Ingest.Live;

/// <summary>What the minute book did with one offered bar.</summary>
public enum BarFate
{
    /// <summary>Held for its open minute.</summary>
    Held,
    /// <summary>Already held (a backfill repeating a streamed bar, or a bar refused before): dropped silently.</summary>
    Deduplicated,
    /// <summary>Refused with a reason code (ingest_rejections).</summary>
    Refused,
    /// <summary>For a minute already closed (late_bars, kind LATE; ingest_rejections MINUTE_ALREADY_CLOSED).</summary>
    Late,
    /// <summary>An updated bar (late_bars, kind UPDATED): recorded, never changes a minute.</summary>
    Updated,
}

/// <summary>
/// The book's verdict on a bar: its fate, the refusal (code and detail) when refused or late, and for a late
/// bar the market time its minute closed (null when it closed before this process started).
/// </summary>
public sealed record BarOutcome(BarFate Fate, BarVerdict? Refusal = null, DateTimeOffset? MinuteClosedAt = null)
{
    public static readonly BarOutcome Held = new(BarFate.Held);
    public static readonly BarOutcome Deduplicated = new(BarFate.Deduplicated);
}

/// <summary>
/// A minute the book closed at <paramref name="ClosedAt"/> (market time): its bars ordered by symbol, whether it
/// closed with what it had because the data was missing too long (<paramref name="Stale"/>), and whether it is the
/// first such minute of an outage (<paramref name="StartsOutage"/>: raise FEED_STALE once).
/// </summary>
public sealed record ClosedMinute(DateTimeOffset Minute, IReadOnlyList<Bar> Bars, bool Stale, bool StartsOutage, DateTimeOffset ClosedAt);
