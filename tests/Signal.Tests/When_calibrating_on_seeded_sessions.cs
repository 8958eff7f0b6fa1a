using Tradewire.Signal.Tests.Calibration;
using Xunit.Abstractions;

namespace Tradewire.Signal.Tests;

/// <summary>
/// The rule engine on seeded random-walk sessions (the watchlist and signal engines, a reference implementation of the
/// features, and the dispatcher's own gates and pricing on its default configuration): it keeps emitting a workable flow of recommendations across the universe and most of them
/// fail the dispatcher's gates. The operator's exact ranges (5-50 executions over 5-20 tickers, 60-95 % of
/// signals rejected) are asserted where they are defined, on the real pipeline replaying the repository's sample
/// session (Integration.Tests/Pipeline, When_the_sample_session_is_replayed): the thresholds in appsettings.json
/// are tuned on that session, whose moves are larger than these walks'.
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
    public void Should_emit_a_steady_flow_across_the_universe_that_the_gates_mostly_reject(int seed)
    {
        var report = DecisionPipeline.Run(SessionGenerator.Generate(seed, Date));
        output.WriteLine(report.ToString());

        Assert.InRange(report.Recommendations.Count, 50, 200);
        Assert.True(report.RecommendationTickers >= 12, $"only {report.RecommendationTickers} tickers");
        Assert.InRange(report.HighConfidenceShare, 0.01m, 0.35m);
        Assert.InRange(report.Executed.Count, 1, 50);
        Assert.InRange(report.RejectionShare, 0.60m, 0.99m);
    }
}
