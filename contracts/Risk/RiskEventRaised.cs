namespace Tradewire.Contracts.Risk;

/// <summary>
/// Event: a risk decision or control action the operator must see: a pre-trade rejection or reduction, a
/// trading-state change, a kill switch, an end-of-day escalation. <see cref="ReasonCode"/> is stable
/// (e.g. <c>MAX_NOTIONAL_EXCEEDED</c>); <see cref="DetailJson"/> holds observed and threshold values.
/// </summary>
public sealed record RiskEventRaised
{
    public required Guid EventId { get; init; }
    public required string ReasonCode { get; init; }
    public required Severity Severity { get; init; }
    public string? Ticker { get; init; }
    public Guid? ExecutionId { get; init; }
    public required string DetailJson { get; init; }
    public required DateTimeOffset At { get; init; }
}
