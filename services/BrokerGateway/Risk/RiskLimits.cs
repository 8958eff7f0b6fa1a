namespace Tradewire.BrokerGateway.Risk;

/// <summary>Pre-trade limits, section <c>Risk</c>. Fractions are of equity (0.05 = 5%); notionals in USD.</summary>
public sealed class RiskLimits
{
    public decimal StartingEquity { get; set; } = 100_000m;
    public decimal MaxPositionFraction { get; set; } = 0.05m;
    public decimal MaxGrossExposureFraction { get; set; } = 0.60m;
    public decimal MaxOrderNotional { get; set; } = 10_000m;
    public decimal MinOrderNotional { get; set; } = 50m;
    public bool AllowShorts { get; set; }
    public int StaleSignalSeconds { get; set; } = 120;
    public decimal MaxSlippageFraction { get; set; } = 0.005m;
    public decimal MaxDailyLossFraction { get; set; } = 0.02m;
    public decimal MaxDrawdownFraction { get; set; } = 0.10m;
    /// <summary>Loss from the session's highest equity that halts entries for the rest of the session (circuit breaker).</summary>
    public decimal MaxSessionDrawdownFraction { get; set; } = 0.01m;
    /// <summary>Loss per position, as a fraction of its entry price, at which it is closed at market.</summary>
    public decimal StopLossFraction { get; set; } = 0.05m;
    public decimal MaxPortfolioHeatFraction { get; set; } = 0.06m;
    /// <summary>Entries per symbol per session: a new one is refused once this many were sent.</summary>
    public int MaxOrdersPerSymbolPerDay { get; set; } = 5;
    public int MaxOrdersPerDay { get; set; } = 200;
    public decimal MaxSpreadBps { get; set; } = 50m;
    public decimal SymbolMoveLimitFraction { get; set; } = 0.10m;
    /// <summary>Reduce an oversized order to the largest quantity that passes every limit instead of refusing it.</summary>
    public bool ReduceInsteadOfReject { get; set; } = true;

    /// <summary>
    /// Settings of this section that still use a name of the form <c>...Pct</c>. The limits are named for what they
    /// hold, fractions (<c>MaxDailyLossFraction</c> 0.02 is 2 %); a configuration that still sets an old name would
    /// otherwise be ignored without a word and the gateway would trade on the default, so it stops the start.
    /// </summary>
    public static IEnumerable<string> RenamedKeys(IConfigurationSection section) =>
        section.GetChildren().Where(c => c.Key.EndsWith("Pct", StringComparison.OrdinalIgnoreCase))
            .Select(c => $"{section.Path}:{c.Key} is now {section.Path}:{c.Key[..^3]}Fraction (a fraction: 0.05 is 5 %)");
}
