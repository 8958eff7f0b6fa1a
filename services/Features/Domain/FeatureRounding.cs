namespace Tradewire.Features.Domain;

/// <summary>
/// How published and stored indicator values are rounded (midpoint away from zero, so the same inputs give the
/// same digits on every machine). Prices (SMA, ATR) keep 8 decimals; fractions and ratios (recent and realized
/// volatility, trend, returns, volume ratio) keep 10, because a 1-minute volatility of ~0.0003 would keep only
/// 4 significant digits at 8. The state itself keeps full decimal precision; only outputs are rounded.
/// </summary>
public static class FeatureRounding
{
    public const int PriceDecimals = 8;
    public const int FractionDecimals = 10;

    /// <summary>Decimals kept for each one-minute log return inside the state (well below any output's precision).</summary>
    public const int LogReturnDecimals = 14;

    public static decimal Price(decimal value) => Math.Round(value, PriceDecimals, MidpointRounding.AwayFromZero);

    public static decimal Fraction(decimal value) => Math.Round(value, FractionDecimals, MidpointRounding.AwayFromZero);

    /// <summary>ln(<paramref name="close"/> / <paramref name="previous"/>) in double (the one transcendental step), back to decimal.</summary>
    public static decimal LogReturn(decimal close, decimal previous) =>
        Math.Round((decimal)Math.Log((double)(close / previous)), LogReturnDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Square root in double (the other transcendental step), back to decimal; a rounding-negative input counts as 0.</summary>
    public static decimal Sqrt(decimal value) => value <= 0m ? 0m : (decimal)Math.Sqrt((double)value);
}
