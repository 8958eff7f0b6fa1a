namespace Tradewire.Signal.Tests.Calibration;

/// <summary>
/// One real day's line of the table in docs/strategy-on-real-markets.md: signals by rule, the confidence
/// distribution, the dispatcher's refusals by reason and the executions.
/// </summary>
public sealed record RealDayRow(DateOnly Date, int Bars, CalibrationReport Report)
{
    public static readonly string[] Rules = ["momentum_breakout", "momentum_breakdown", "news_momentum", "range_premium"];

    /// <summary>Confidence buckets: [0, 0.5), [0.5, 0.6), [0.6, 0.7), [0.7, 1].</summary>
    public static readonly decimal[] BucketFloors = [0m, 0.5m, 0.6m, 0.7m];

    public int Signals => Report.Recommendations.Count;

    public int ByRule(string rule) => Report.Recommendations.Count(r => r.SignalKey.EndsWith("|" + rule, StringComparison.Ordinal));

    public int InBucket(int i) => Report.Recommendations.Count(r =>
        r.Confidence >= BucketFloors[i] && (i == BucketFloors.Length - 1 || r.Confidence < BucketFloors[i + 1]));

    public static string Header =>
        "| date | bars | signals | breakout | breakdown | news | premium | conf <0.5 | 0.5-0.6 | 0.6-0.7 | >=0.70 | max conf | refusals | executions |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public override string ToString()
    {
        var refusals = Report.Refusals.Count == 0 ? "-" : string.Join(", ", Report.Refusals.Select(kv => $"{kv.Key} {kv.Value}"));
        var max = Signals == 0 ? "-" : Report.Recommendations.Max(r => r.Confidence).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return $"| {Date:yyyy-MM-dd} | {Bars} | {Signals} | {string.Join(" | ", Rules.Select(ByRule))} | " +
            $"{string.Join(" | ", Enumerable.Range(0, BucketFloors.Length).Select(InBucket))} | {max} | {refusals} | {Report.Executed.Count} |";
    }
}
