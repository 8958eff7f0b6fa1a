using Tradewire.Signal.Tests.Calibration;
using Xunit;
using Xunit.Abstractions;

namespace Tradewire.Signal.Tests;

/// <summary>
/// The calibration target: on a realistic 40-symbol, 390-minute session the engine emits 60-200 recommendations
/// over at least 12 tickers, 20-35 % of them at confidence 0.70 or more; after the dispatcher's gates the session
/// ends with 5-50 executions over 5-20 tickers and a gate rejection share between 60 % and 95 %.
/// </summary>
public sealed class When_calibrating_on_seeded_sessions(ITestOutputHelper output)
{
    static readonly DateOnly Date = new(2026, 3, 10);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Should_land_in_the_operators_ranges(int seed)
    {
        var report = DecisionPipeline.Run(SessionGenerator.Generate(seed, Date));
        output.WriteLine(report.ToString());

        Assert.InRange(report.Recommendations.Count, 60, 200);
        Assert.True(report.RecommendationTickers >= 12, $"only {report.RecommendationTickers} tickers");
        Assert.InRange(report.HighConfidenceShare, 0.20m, 0.35m);
        Assert.InRange(report.Executed.Count, 5, 50);
        Assert.InRange(report.ExecutedTickers, 5, 20);
        Assert.InRange(report.RejectionShare, 0.60m, 0.95m);
    }
}
