using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Risk;

/// <summary>
/// The equity-based limits, on equity that includes unrealized P&amp;L at the last marks (an open loss counts before
/// it is booked). Each is a fraction lost from a reference equity:
/// daily loss from the day's start (<see cref="RiskLimits.MaxDailyLossFraction"/>), session drawdown from the session's
/// highest equity (<see cref="RiskLimits.MaxSessionDrawdownFraction"/>), drawdown from the highest equity ever
/// (<see cref="RiskLimits.MaxDrawdownFraction"/>). A breach halts entries; exits keep running.
/// </summary>
public static class LossLimits
{
    public const string DailyLoss = "DAILY_LOSS_EXCEEDED", SessionDrawdown = "SESSION_DRAWDOWN_EXCEEDED", MaxDrawdown = "MAX_DRAWDOWN_EXCEEDED";

    /// <summary>Every limit breached, in the order daily loss, session drawdown, drawdown (the first one names a halt).</summary>
    public static IReadOnlyList<RiskFinding> Breaches(decimal equity, decimal dayStartEquity, decimal sessionPeakEquity, decimal peakEquity, RiskLimits limits)
    {
        var findings = new List<RiskFinding>(3);
        Check(findings, DailyLoss, equity, dayStartEquity, limits.MaxDailyLossFraction);
        Check(findings, SessionDrawdown, equity, sessionPeakEquity, limits.MaxSessionDrawdownFraction);
        Check(findings, MaxDrawdown, equity, peakEquity, limits.MaxDrawdownFraction);
        return findings;
    }

    /// <summary>Fraction of <paramref name="reference"/> lost at <paramref name="equity"/> (negative when above it); 0 without a reference.</summary>
    public static decimal LossFraction(decimal equity, decimal reference) => reference > 0 ? (reference - equity) / reference : 0;

    static void Check(List<RiskFinding> findings, string code, decimal equity, decimal reference, decimal threshold)
    {
        if (reference > 0 && LossFraction(equity, reference) is var lost && lost >= threshold)
            findings.Add(new RiskFinding(code, Math.Round(lost, 6), threshold, Severity.Critical));
    }
}
