namespace Tradewire.Ingest.Live;

/// <summary>
/// <c>MarketData:*</c> settings of the live path (docs/live-data.md): which feed, when a minute closes and how
/// long an outage may hold minutes back.
/// </summary>
public sealed class LiveOptions
{
    /// <summary><c>replay</c> (default: bars only from POST /replay), <c>simulated</c> or <c>alpaca</c>.</summary>
    public string Feed { get; set; } = "replay";

    /// <summary>
    /// Market time after a minute's end at which it closes. Alpaca computes a minute bar about 1 s after the minute
    /// and streams it within about 100 ms; 5 s leaves room for a busy network and process without delaying the
    /// pipeline much. Late trades come as updated bars 30 s after the minute, which never re-decide it.
    /// </summary>
    public TimeSpan Watermark { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a due minute may be held for missing data (feed down, backfill failing) before it closes with what
    /// it has and FEED_STALE is raised. One minute: holding longer delays every decision by more than a minute,
    /// and the dispatcher's bar freshness gate (120 s) refuses bars that old anyway.
    /// </summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>With <c>simulated</c>: the recorded session whose news.csv is published by time, as a replay does.</summary>
    public string? SessionPath { get; set; }

    public bool IsLive => Feed is "simulated" or "alpaca";
}
