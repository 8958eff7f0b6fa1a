namespace Tradewire.Cli.BurnIn;

/// <summary>
/// What one trading date left in the three databases that the burn-in's daily requirements judge: the signal
/// service's signals, the dispatcher's decisions, the broker-gateway's brackets, orders, trades and risk events.
/// Every figure is that date's alone except <see cref="DuplicateClientOrderIds"/> (an id reused on any day is a duplicate).
/// </summary>
public sealed record DayFacts(
    DateOnly Date,
    long Signals,
    long Decisions,
    long CompleteOcoLifecycles,
    decimal MaxHeatPct,
    DateTimeOffset? MaxHeatAt,
    decimal RealizedPnl,
    long EntriesAfterDailyLossStop,
    decimal MaxTradeRiskPct,
    string? MaxTradeRiskTicker,
    long OpenAtTighten,
    long TightenedAtTighten,
    long TightenedAtOtherTimes,
    long PositionsOpenAfterFlat,
    long OrdersOpenAfterFlat,
    IReadOnlyList<string> ChainBreaks,
    long OrdersWithoutConfigSha,
    long OrphanOcoSiblings,
    long DuplicateClientOrderIds,
    long RiskEvents,
    long RejectionsWithoutRiskEvent,
    bool KillSwitchTested,
    DateTimeOffset TightenAt,
    DateTimeOffset FlatAt);
