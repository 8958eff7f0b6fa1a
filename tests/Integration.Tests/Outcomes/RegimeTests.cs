using Tradewire.Cli.Outcomes;

namespace Tradewire.Integration.Tests.Outcomes;

/// <summary>The regime at entry as pure logic: trend from SMA20 against SMA50, volatility against the session's median.</summary>
public sealed class RegimeTests
{
    [Theory]
    [InlineData(0.001, 0.002, 0.002, "UP/NORMAL_VOL")]
    [InlineData(0.0009, 0.002, 0.002, "FLAT/NORMAL_VOL")]
    [InlineData(-0.001, 0.003, 0.002, "DOWN/HIGH_VOL")]
    [InlineData(-0.0009, 0.00134, 0.002, "FLAT/LOW_VOL")]
    [InlineData(0.002, 0.00135, 0.002, "UP/NORMAL_VOL")]
    public void Labels_trend_and_volatility(double trend, double vol, double median, string expected) =>
        Assert.Equal(expected, Regime.Classify((decimal)trend, (decimal)vol, (decimal)median).Label);

    [Fact]
    public void Features_not_warm_give_no_regime_and_say_why()
    {
        var (label, ratio, why) = Regime.Classify(null, 0.002m, 0.002m);
        Assert.Null(label);
        Assert.Null(ratio);
        Assert.Equal("FEATURES_NOT_READY", why);
    }

    [Fact]
    public void The_ratio_to_the_median_is_kept()
    {
        var (_, ratio, why) = Regime.Classify(0m, 0.003m, 0.002m);
        Assert.Equal(1.5m, ratio);
        Assert.Null(why);
    }
}
