using System.Globalization;
using Tradewire.Dispatcher.Http;
using Summary = Tradewire.Dispatcher.Domain.Outcomes.OutcomeSummary;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// The day's outcome labels in a few lines, per kind (executions, skipped): how many, which of stop or target
/// was hit first, the hit rate (target first over those with an answer) and the mean forward returns in the
/// trade's direction (a short gains when the price falls). The dispatcher's summary (the same rows, the same
/// definitions as its <c>GET /outcomes</c> and the dashboard's panel), printed. Information beside the burn-in
/// verdict, not a criterion of it.
/// </summary>
public static class OutcomeSummary
{
    public static async Task<IReadOnlyList<string>> Lines(Db dispatcher, DateOnly date)
    {
        var table = await dispatcher.Table(OutcomeQuery.Sql, date);
        if (table is not { Rows.Count: > 0 } t)
            return [$"outcomes {date:yyyy-MM-dd}: none labelled (./tradewire outcomes --date {date:yyyy-MM-dd})"];
        var summary = Summary.Of(t.Rows.Select(OutcomeQuery.Record).ToList());
        return summary.ByKind.Select(g =>
            $"outcomes {date:yyyy-MM-dd} {g.Kind.ToLowerInvariant()}: {g.Labelled} labelled; first hit stop {g.Stop} / target {g.Target} / neither {g.Neither}" +
            $" ({g.SameBar} same-bar, counted as stop); hit rate {Percent(g.HitRate, "0.0")}; mean forward return in the trade's direction: " +
            string.Join(", ", g.MeanReturns.Select(m => $"{m.Minutes}m {Percent(m.Mean, "+0.000;-0.000;0.000")} (n={m.N})")))
            .Append($"outcomes {date:yyyy-MM-dd} hit rate by rule: " + string.Join(", ", summary.ByRule.Select(g =>
                $"{g.Rule ?? "unknown rule"} {g.Kind.ToLowerInvariant()} {Percent(g.HitRate, "0.0")} of {g.Labelled - g.NoAnswer}")))
            .ToList();
    }

    static string Percent(decimal? fraction, string format) =>
        fraction is { } f ? (f * 100).ToString(format, CultureInfo.InvariantCulture) + " %" : "n/a";
}
