namespace Tradewire.Dispatcher.Domain.Outcomes;

/// <summary>
/// The outcome labels of one group of decisions (a kind, EXECUTION or SKIPPED, and optionally one signal rule).
/// <see cref="Stop"/> includes the <see cref="SameBar"/> ones (a bar that reached both counts as the stop, the
/// cautious reading). <see cref="NoAnswer"/>: no stop-or-target answer (no levels), reason in the row.
/// <see cref="HitRate"/> = target first over the decisions with an answer (stop, target or neither), a fraction
/// 0..1, null when none has one. <see cref="MeanReturns"/>: the mean forward return in the trade's direction per
/// horizon, over the decisions that have one (n).
/// </summary>
public sealed record OutcomeGroup(
    string Kind,
    string? Rule,
    int Labelled,
    int Stop,
    int Target,
    int Neither,
    int NoAnswer,
    int SameBar,
    decimal? HitRate,
    IReadOnlyList<HorizonMean> MeanReturns)
{
    public static OutcomeGroup Of(string kind, string? rule, IReadOnlyCollection<OutcomeRecord> rows)
    {
        int Count(string hit) => rows.Count(r => r.FirstHit == hit);
        var (stop, target, neither) = (Count("STOP"), Count("TARGET"), Count("NEITHER"));
        var answered = stop + target + neither;
        return new OutcomeGroup(kind, rule, rows.Count, stop, target, neither, rows.Count - answered,
            rows.Count(r => r.SameBarAmbiguous), answered == 0 ? null : (decimal)target / answered,
            OutcomeRecord.Horizons.Select(h => HorizonMean.Of(h, rows.Select(r => r.DirectedReturn(h)))).ToList());
    }
}
