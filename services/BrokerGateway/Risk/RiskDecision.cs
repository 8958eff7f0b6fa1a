using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Risk;

/// <summary>One failed check: stable code, what was observed, the threshold.</summary>
public sealed record RiskFinding(string Code, decimal Observed, decimal Threshold, Severity Severity = Severity.Warn);

/// <summary>
/// Outcome of pre-trade risk. Approved: send <see cref="Qty"/> (less than planned when reduced; then
/// <see cref="BindingLimit"/> names the limit that set it). Refused: <see cref="Findings"/> says why.
/// </summary>
public sealed record RiskDecision(bool Approved, decimal Qty, decimal PlannedQty, string? BindingLimit, IReadOnlyList<RiskFinding> Findings)
{
    public bool Reduced => Approved && Qty < PlannedQty;
    public string? ReasonCode => Findings.Count > 0 ? Findings[0].Code : null;
}
