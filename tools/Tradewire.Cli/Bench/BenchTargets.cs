using System.Globalization;
using System.Text;

namespace Tradewire.Cli.Bench;

/// <summary>One target of the benchmark: the figure, its limit, what the run observed and whether it passed (null: not measured).</summary>
public sealed record BenchTarget(string Figure, string Limit, string Observed, bool? Passed)
{
    public string Verdict => Passed switch { true => "pass", false => "FAIL", null => "not measured" };
}

/// <summary>
/// The throughput, latency and recovery targets, judged on one bench run. Every target gets a row even when the run
/// did not measure it (the row says which option measures it), so a report never hides a target by leaving it out.
/// </summary>
public static class BenchTargets
{
    public const double Session150Seconds = 30, Session500Seconds = 75, OverheadTimes = 3;
    public const double PacedP50Ms = 80, PacedP99Ms = 200, DrillDrainSeconds = 10;
    public const int PacedSymbols = 36;

    /// <param name="results">the bench's runs</param>
    /// <param name="drillDrainSeconds">seconds from the drill's last fault until every outbox was empty; null without a drill</param>
    public static IReadOnlyList<BenchTarget> Judge(IReadOnlyList<BenchResult> results, double? drillDrainSeconds)
    {
        var targets = new List<BenchTarget>
        {
            Session(results, 150, Session150Seconds),
            Session(results, 500, Session500Seconds),
        };
        var withOverhead = results.Where(r => r.Replicas == 1 && r.DurabilityOverhead is not null).OrderBy(r => r.Symbols).ToList();
        if (withOverhead.Count == 0)
            targets.Add(new("durability overhead: the session over the bare message graph, same run", $"<= {OverheadTimes:0.#}x", "not measured (--sizes)", null));
        foreach (var r in withOverhead)
            targets.Add(new($"durability overhead, {r.Symbols} symbols: the session over the bare message graph, same run", $"<= {OverheadTimes:0.#}x",
                Invariant($"{r.DurabilityOverhead}x ({r.WallSeconds} s over {r.BareWallSeconds} s)"), r.Finished && r.DurabilityOverhead <= OverheadTimes));

        var paced = results.FirstOrDefault(r => r.Symbols == PacedSymbols && r.Mode.StartsWith("paced", StringComparison.Ordinal));
        targets.Add(Latency(paced, "p50", paced?.LatencyP50Ms, PacedP50Ms));
        targets.Add(Latency(paced, "p99", paced?.LatencyP99Ms, PacedP99Ms));

        targets.Add(drillDrainSeconds is { } drain
            ? new("drill: outboxes drained after the last fault", $"<= {DrillDrainSeconds:0.#} s", Invariant($"{drain:F1} s"), drain <= DrillDrainSeconds)
            : new("drill: outboxes drained after the last fault", $"<= {DrillDrainSeconds:0.#} s", "not measured (--drill yes)", null));
        return targets;
    }

    /// <summary>The targets as a Markdown table, then one line counting passes and failures.</summary>
    public static string Markdown(IReadOnlyList<BenchTarget> targets)
    {
        var md = new StringBuilder();
        md.AppendLine("| target | limit | observed | |").AppendLine("|---|---|---|---|");
        foreach (var t in targets)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Figure} | {t.Limit} | {t.Observed} | {t.Verdict} |");
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"{targets.Count(t => t.Passed == true)} passed, {targets.Count(t => t.Passed == false)} failed, {targets.Count(t => t.Passed is null)} not measured.");
        return md.ToString();
    }

    static BenchTarget Session(IReadOnlyList<BenchResult> results, int symbols, double limit)
    {
        var figure = $"{symbols} symbols, one session as fast as possible";
        var run = results.FirstOrDefault(r => r.Symbols == symbols && r.Replicas == 1 && r.Mode == "max speed");
        if (run is null)
            return new(figure, $"<= {limit:0.#} s", $"not measured (--sizes {symbols})", null);
        var beside = string.Join(", ", new[]
        {
            run.BareWallSeconds is { } bare ? Invariant($"bare graph {bare} s") : null,
            run.InMemoryWallSeconds is { } logic ? Invariant($"in-memory logic {logic} s") : null,
        }.OfType<string>());
        var observed = run.Finished ? Invariant($"{run.WallSeconds} s") : Invariant($"unfinished after {run.WallSeconds} s");
        return new(figure, $"<= {limit:0.#} s", beside.Length > 0 ? $"{observed} ({beside})" : observed, run.Finished && run.WallSeconds <= limit);
    }

    static BenchTarget Latency(BenchResult? paced, string percentile, double? observed, double limit)
    {
        var figure = $"paced bar-to-fill {percentile}, {PacedSymbols} symbols";
        if (paced is null)
            return new(figure, $"<= {limit:0.#} ms", "not measured (--paced-speed above 0)", null);
        return observed is { } ms
            ? new(figure, $"<= {limit:0.#} ms", Invariant($"{ms} ms"), paced.Finished && ms <= limit)
            : new(figure, $"<= {limit:0.#} ms", "no fill in the paced run", false);
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
