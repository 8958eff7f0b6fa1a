using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;

namespace Tradewire.Dashboard.Watchdog;

/// <summary>
/// The watchdog's rules, pure: stale data on market time, and the shakedown plan's red flags (a session without an
/// execution, a session where every decision was skipped, a position over the notional limit, stuck PROCESSING rows).
/// </summary>
public static class WatchdogRules
{
    public static IReadOnlyList<WatchdogAlert> Evaluate(WatchdogSnapshot snapshot, WatchdogOptions options)
    {
        var alerts = new List<WatchdogAlert>();
        if (snapshot.Session is not { } session || snapshot.MarketNow is not { } now)
            return alerts;
        alerts.AddRange(Stale(snapshot, session, now, options.StaleAfterMinutes));
        // Exclusive: no decision at all points upstream (signals, data); decisions that were all skipped point at the gates.
        if (snapshot.SessionRunsDone && snapshot.Simulated == 0 && snapshot.Skipped == 0)
            alerts.Add(new($"NO_EXECUTIONS:{session.Date:yyyy-MM-dd}", "NO_EXECUTIONS_IN_SESSION", Severity.Warn, null,
                new Dictionary<string, object?> { ["session"] = session.Date, ["observed"] = 0, ["threshold"] = 1 }, session.CloseUtc));
        if (snapshot.SessionRunsDone && snapshot.Skipped > 0 && snapshot.Simulated == 0)
            alerts.Add(new($"ALL_SKIPPED:{session.Date:yyyy-MM-dd}", "ALL_DECISIONS_SKIPPED", Severity.Warn, null,
                new Dictionary<string, object?> { ["session"] = session.Date, ["skipped"] = snapshot.Skipped, ["simulated"] = 0 }, session.CloseUtc));
        alerts.AddRange(LargePositions(snapshot.OpenFills, options.MaxPositionNotional));
        // Once per session: the dispatcher's reaper should have returned them, so the operator must look.
        if (snapshot.StuckProcessing is { Count: > 0 } stuck)
            alerts.Add(new($"STUCK_PROCESSING:{session.Date:yyyy-MM-dd}", "STUCK_PROCESSING_ROWS", Severity.Warn, null,
                new Dictionary<string, object?> { ["observed"] = stuck.Count, ["threshold"] = 0, ["runMinute"] = stuck.Minute }, stuck.Minute));
        return alerts;
    }

    /// <summary>
    /// A stream is behind by the market minutes between its newest minute and the newest of any stream; one that has
    /// not reached the current session yet is behind since the session's open (the night between sessions is no lag).
    /// </summary>
    static IEnumerable<WatchdogAlert> Stale(WatchdogSnapshot snapshot, Tradewire.ServiceDefaults.MarketTime.TradingSession session,
        DateTimeOffset now, int staleAfterMinutes)
    {
        foreach (var stream in WatchdogSnapshot.Streams)
        {
            var latest = snapshot.Latest.TryGetValue(stream, out var l) ? l : (DateTimeOffset?)null;
            var since = latest is { } seen && seen >= session.OpenUtc ? seen : session.OpenUtc.AddMinutes(-1);
            var behind = (int)(now - since).TotalMinutes;
            if (behind <= staleAfterMinutes)
                continue;
            yield return new($"STALE:{stream}:{since:O}", stream.ToUpperInvariant() + "_STALE", Severity.Critical, null,
                new Dictionary<string, object?>
                {
                    ["stream"] = stream, ["latestMinute"] = latest, ["marketNow"] = now, ["observedMinutesBehind"] = behind,
                    ["thresholdMinutes"] = staleAfterMinutes,
                }, now);
        }
    }

    /// <summary>Net shares per ticker over the open brackets' fills (buys add, sells subtract), valued at the ticker's last fill.</summary>
    static IEnumerable<WatchdogAlert> LargePositions(IReadOnlyList<OrderFilled> fills, decimal limit)
    {
        foreach (var ticker in fills.GroupBy(f => f.Ticker, StringComparer.Ordinal))
        {
            var qty = ticker.Sum(f => f.Side == OrderSide.Buy ? f.Qty : -f.Qty);
            var last = ticker.MaxBy(f => f.FilledAt)!;
            var notional = Quantity.Of(Math.Abs(qty)) * Price.Of(last.Price);
            if (notional <= limit)
                continue;
            // Keyed by the fill that took it over the limit: a later increase past it again is a new alert.
            yield return new($"NOTIONAL:{ticker.Key}:{last.ClientOrderId}:{last.FilledAt:O}", "POSITION_NOTIONAL_EXCEEDED", Severity.Critical, ticker.Key,
                new Dictionary<string, object?> { ["qty"] = qty, ["lastPrice"] = last.Price, ["observed"] = notional, ["threshold"] = limit }, last.FilledAt);
        }
    }
}
