using Tradewire.Contracts.Signals;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>What one calibration session produced, with the figures the operator's checks look at.</summary>
public sealed record CalibrationReport(IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<Recommendation> Executed,
    int Skipped, decimal RejectionShare, IReadOnlyDictionary<string, int> Refusals)
{
    public int RecommendationTickers => Recommendations.Select(r => r.Ticker).Distinct().Count();
    public decimal HighConfidenceShare => Recommendations.Count == 0 ? 0m
        : (decimal)Recommendations.Count(r => r.Confidence >= 0.70m) / Recommendations.Count;
    public int ExecutedTickers => Executed.Select(r => r.Ticker).Distinct().Count();

    public override string ToString() =>
        $"recs={Recommendations.Count} tickers={RecommendationTickers} high={HighConfidenceShare:P1} " +
        $"exec={Executed.Count} execTickers={ExecutedTickers} rejection={RejectionShare:P1} " +
        $"byRule=[{string.Join(", ", Recommendations.GroupBy(r => r.SignalKey.Split('|')[2]).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"))}]";
}
