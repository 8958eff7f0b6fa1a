namespace Tradewire.Dashboard.Watchdog;

/// <summary>
/// Settings of the data-freshness watchdog and its alerts (section <c>Watchdog</c>, environment <c>Watchdog__Name</c>).
/// Minutes are market minutes, measured on the data's own timestamps.
/// </summary>
public sealed class WatchdogOptions
{
    /// <summary>Off: no checks, no alerts, no heartbeat.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A stream (bars, features, news, dispatcher runs) this many market minutes behind the newest data is stale.</summary>
    public int StaleAfterMinutes { get; set; } = 5;

    /// <summary>An open position worth more than this, in dollars at its last fill price, is a red flag.</summary>
    public decimal MaxPositionNotional { get; set; } = 50_000m;

    /// <summary>
    /// Where each alert is also POSTed as JSON (e.g. a Pushover relay); none when empty. Treated as a secret: it may
    /// carry a token, so it is never logged (only its host, in errors).
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How often the recorded events are checked (wall clock: only the cadence, never the market time).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the heartbeat log line is written.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);
}
