namespace Tradewire.BrokerGateway.Risk;

/// <summary>Pre-trade limits, section <c>Risk</c>. Fractions are of equity (0.05 = 5%); notionals in USD.</summary>
public sealed class RiskLimits
{
    public decimal StartingEquity { get; set; } = 100_000m;
    public decimal MaxPositionPct { get; set; } = 0.05m;
    public decimal MaxGrossExposurePct { get; set; } = 0.60m;
    public decimal MaxOrderNotional { get; set; } = 10_000m;
    public decimal MinOrderNotional { get; set; } = 50m;
    public bool AllowShorts { get; set; }
    public int StaleSignalSeconds { get; set; } = 120;
    public decimal MaxSlippagePct { get; set; } = 0.005m;
    public decimal MaxDailyLossPct { get; set; } = 0.02m;
    public decimal MaxDrawdownPct { get; set; } = 0.10m;
    /// <summary>Loss from the session's highest equity that halts entries for the rest of the session (circuit breaker).</summary>
    public decimal MaxSessionDrawdownPct { get; set; } = 0.01m;
    /// <summary>Loss per position, as a fraction of its entry price, at which it is closed at market.</summary>
    public decimal StopLossPct { get; set; } = 0.05m;
    public decimal MaxPortfolioHeatPct { get; set; } = 0.06m;
    /// <summary>Entries per symbol per session: a new one is refused once this many were sent.</summary>
    public int MaxOrdersPerSymbolPerDay { get; set; } = 5;
    public int MaxOrdersPerDay { get; set; } = 200;
    public decimal MaxSpreadBps { get; set; } = 50m;
    public decimal SymbolMoveLimitPct { get; set; } = 0.10m;
    /// <summary>Reduce an oversized order to the largest quantity that passes every limit instead of refusing it.</summary>
    public bool ReduceInsteadOfReject { get; set; } = true;
}
