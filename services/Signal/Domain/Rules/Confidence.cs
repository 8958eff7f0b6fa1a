namespace Tradewire.Signal.Domain.Rules;

/// <summary>Shared arithmetic of the rules' confidences.</summary>
public static class Confidence
{
    /// <summary>(value - floor) / span clamped to [0, 1]; 0 when the span is not positive.</summary>
    public static decimal Strength(decimal value, decimal floor, decimal span) =>
        span <= 0m ? 0m : Math.Clamp((value - floor) / span, 0m, 1m);

    /// <summary>Clamped to [0, max] and rounded (banker's) to the configured places.</summary>
    public static decimal Final(decimal raw, SignalOptions options) =>
        Math.Round(Math.Clamp(raw, 0m, options.MaxConfidence), options.ConfidenceDecimals, MidpointRounding.ToEven);
}
