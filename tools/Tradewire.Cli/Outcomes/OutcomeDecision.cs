namespace Tradewire.Cli.Outcomes;

/// <summary>
/// One decided recommendation as the dispatcher recorded it: an execution (with the bracket it priced) or a
/// skipped one (with the stop and target the dispatcher would have priced, see <see cref="OutcomeDecisions"/>).
/// <see cref="LevelsSource"/> says where the levels come from: <c>EXECUTION</c>, <c>RUN_CONFIG</c> (priced with
/// the configuration of the run that refused it), <c>CURRENT_CONFIG</c> (that run's configuration is gone) or
/// <c>NONE</c> (not priceable; <see cref="NoLevelsReason"/> says why).
/// </summary>
public sealed record OutcomeDecision(
    long RecommendationId,
    string Kind,
    Guid? ExecutionId,
    string Ticker,
    string Action,
    string Side,
    DateTimeOffset DecisionMinute,
    string? SkipReason,
    string LevelsSource,
    decimal? Entry,
    decimal? Stop,
    decimal? Target,
    int MaxHoldMinutes,
    string? NoLevelsReason);
