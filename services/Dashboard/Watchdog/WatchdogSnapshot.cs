namespace Tradewire.Dashboard.Watchdog;

/// <summary>
/// What the watchdog knows, all from the events the dashboard recorded: the newest market minute of each stream, the
/// latest session's decisions and whether its last dispatcher run has happened, and the open positions' fills.
/// </summary>
/// <param name="Session">The session of the newest bars; null before any bar.</param>
/// <param name="Latest">Newest minute per stream (<see cref="Streams"/>), absent when the stream has sent nothing.</param>
/// <param name="Simulated">Decisions of the session that sent a bracket (executions).</param>
/// <param name="Skipped">Decisions of the session that were skipped.</param>
/// <param name="SessionRunsDone">The dispatcher has run the session's last minute: the session's decisions are all in.</param>
/// <param name="OpenFills">Fills of brackets not closed yet, oldest first.</param>
/// <param name="StuckProcessing">The stuck PROCESSING rows the dispatcher's latest run counted, and that run's minute; null when unknown.</param>
public sealed record WatchdogSnapshot(
    Tradewire.ServiceDefaults.MarketTime.TradingSession? Session,
    IReadOnlyDictionary<string, DateTimeOffset> Latest,
    int Simulated,
    int Skipped,
    bool SessionRunsDone,
    IReadOnlyList<Tradewire.Contracts.Execution.OrderFilled> OpenFills,
    (int Count, DateTimeOffset Minute)? StuckProcessing = null)
{
    /// <summary>The streams whose freshness is watched, as named in alerts.</summary>
    public static readonly string[] Streams = ["bars", "features", "news", "dispatcher_runs"];

    /// <summary>Market now: the newest minute any stream has reached.</summary>
    public DateTimeOffset? MarketNow => Latest.Count == 0 ? null : Latest.Values.Max();
}
