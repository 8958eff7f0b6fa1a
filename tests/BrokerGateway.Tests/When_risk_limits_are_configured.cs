using Microsoft.Extensions.Configuration;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>The risk limits are fractions and named so; an old <c>...Pct</c> name is refused, never ignored.</summary>
public sealed class When_risk_limits_are_configured
{
    static IConfigurationSection Risk(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("Risk:" + s.Key, s.Value)))
            .Build().GetSection("Risk");

    [Fact]
    public void Should_bind_the_fraction_names()
    {
        var limits = Risk(("MaxDailyLossFraction", "0.01"), ("StopLossFraction", "0.03")).Get<RiskLimits>()!;
        Assert.Equal(0.01m, limits.MaxDailyLossFraction);
        Assert.Equal(0.03m, limits.StopLossFraction);
        Assert.Empty(RiskLimits.RenamedKeys(Risk(("MaxDailyLossFraction", "0.01"))));
    }

    [Fact]
    public void Should_name_each_old_setting_and_its_new_name()
    {
        var renamed = RiskLimits.RenamedKeys(Risk(("MaxDailyLossPct", "0.01"), ("MaxOrdersPerDay", "10"), ("StopLossPct", "0.03"))).ToList();
        Assert.Equal(["Risk:MaxDailyLossPct is now Risk:MaxDailyLossFraction (a fraction: 0.05 is 5 %)",
            "Risk:StopLossPct is now Risk:StopLossFraction (a fraction: 0.05 is 5 %)"], renamed);
    }
}
