using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>One row of <c>risk_events</c>. <see cref="DetailJson"/> carries observed and threshold values.</summary>
public sealed record RiskEventRecord(Guid Id, DateTimeOffset At, string ReasonCode, Severity Severity, string? Ticker,
    Guid? ExecutionId, string Actor, string DetailJson);
