using Tradewire.Contracts.Risk;

namespace Tradewire.Dashboard.Watchdog;

/// <summary>
/// One alert the rules found. <see cref="Key"/> identifies the condition (e.g. a stream stale since a given minute),
/// so an alert is raised once however often the same condition is seen; <see cref="Detail"/> holds observed and
/// threshold values, as every risk event does.
/// </summary>
public sealed record WatchdogAlert(string Key, string ReasonCode, Severity Severity, string? Ticker, IReadOnlyDictionary<string, object?> Detail,
    DateTimeOffset At);
