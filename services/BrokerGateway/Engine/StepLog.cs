using Tradewire.BrokerGateway.Domain;
using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// What a minute step decided, as log lines: every risk event (refusals, reductions, halts, stops, end of day) at
/// the level of its severity, every trading-state change, and a one-line summary of the minute at debug level.
/// </summary>
static class StepLog
{
    public static void Write(ILogger log, Book book, DateTimeOffset minute)
    {
        foreach (var e in book.NewRiskEvents)
            log.Log(Level(e.Severity), "Risk event {ReasonCode} ({Severity}) {Ticker} {ExecutionId} by {Actor} at {At:O}: {Detail}",
                e.ReasonCode, e.Severity, e.Ticker, e.ExecutionId, e.Actor, e.At, e.DetailJson);
        foreach (var c in book.StateChanges)
            log.LogWarning("Trading state {Previous} -> {State} by {Actor} at {At:O}: {Reason}", c.Previous, c.State, c.Actor, c.At, c.Reason);
        log.LogDebug("Minute {Minute:O} done: {Fills} fills, {RiskEvents} risk events, {Open} open brackets, state {State}", minute, book.NewTrades.Count,
            book.NewRiskEvents.Count, book.Brackets.Values.Count(b => !BracketStates.IsTerminal(b.State)), book.Status.State);
    }

    static LogLevel Level(Severity severity) => severity switch
    {
        Severity.Info => LogLevel.Information,
        Severity.Warn => LogLevel.Warning,
        Severity.Critical => LogLevel.Error,
        _ => LogLevel.Critical, // EMERGENCY
    };
}
