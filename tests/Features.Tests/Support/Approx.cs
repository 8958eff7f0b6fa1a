namespace Tradewire.Features.Tests.Support;

/// <summary>Equality within a tolerance of the published rounding (values are rounded to 8 or 10 decimals).</summary>
static class Approx
{
    public const decimal Price = 1e-8m;
    public const decimal Fraction = 1e-9m;

    public static void Equal(decimal? expected, decimal? actual, decimal tolerance, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: expected {(expected.HasValue ? expected : "null")}, got {(actual.HasValue ? actual : "null")}");
        if (expected is { } e && actual is { } a)
            Assert.True(Math.Abs(e - a) <= tolerance, $"{what}: expected {e}, got {a} (tolerance {tolerance})");
    }

    public static void Equal(double? expected, decimal? actual, decimal tolerance, string what) =>
        Equal(expected is { } e ? (decimal)e : null, actual, tolerance, what);
}
