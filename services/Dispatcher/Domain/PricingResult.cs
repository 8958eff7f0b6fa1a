namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// A bracket, or a business rejection (the recommendation is SKIPPED) with a stable <see cref="ReasonCode"/>:
/// <c>stop_distance_too_small</c>, <c>qty_zero</c>, <c>take_profit_not_positive</c>, <c>invalid_close</c>,
/// and the observed value against its threshold.
/// </summary>
public sealed record PricingResult(BracketPlan? Plan, string? ReasonCode, decimal? Observed, decimal? Threshold)
{
    public bool Priced => Plan is not null;

    public static PricingResult Ok(BracketPlan plan) => new(plan, null, null, null);
    public static PricingResult Skip(string code, decimal observed, decimal threshold) => new(null, code, observed, threshold);
}
