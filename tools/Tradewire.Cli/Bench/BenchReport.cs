using System.Globalization;
using System.Text;

namespace Tradewire.Cli.Bench;

/// <summary>The benchmark's Markdown table, with the issue's targets and pass/fail.</summary>
public static class BenchReport
{
    /// <summary>Writes <c>bench/results/NAME-DATE.md</c> and <c>.json</c> and prints the Markdown.</summary>
    public static async Task Write<T>(RepoPaths paths, string name, string markdown, T results)
    {
        var outDir = Path.Combine(paths.Root, "bench", "results");
        Directory.CreateDirectory(outDir);
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"{name}-{stamp}.md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"{name}-{stamp}.json"),
            System.Text.Json.JsonSerializer.Serialize(results, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(markdown);
        Console.WriteLine($"written to bench/results/{name}-{stamp}.md and .json");
    }

    public static string Markdown(IReadOnlyList<BenchResult> results, int cores)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Tradewire benchmark, {DateTime.UtcNow:yyyy-MM-dd} ({cores} cores, synchronous commit on)").AppendLine();
        md.AppendLine("| run | bars | wall s | bars/s | bar-to-fill p50 / p95 / p99 ms | PostgreSQL commits/s | executions | fills |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Symbols} symbols, {r.Mode}{(r.Finished ? "" : " (UNFINISHED)")} | {r.Bars} | {r.WallSeconds} | {r.BarsPerSecond} | {r.LatencyP50Ms} / {r.LatencyP95Ms} / {r.LatencyP99Ms} | {r.PgCommitsPerSecond} | {r.Executions} | {r.Fills} |");
        md.AppendLine().AppendLine("Per service: CPU seconds during the run / peak resident memory (MiB).").AppendLine();
        var services = ServiceCatalog.All.Select(s => s.Name).ToList();
        md.AppendLine("| run | " + string.Join(" | ", services) + " |").AppendLine("|---|" + string.Concat(services.Select(_ => "---|")));
        foreach (var r in results)
            md.AppendLine($"| {r.Symbols}, {r.Mode} | " + string.Join(" | ", services.Select(s => $"{r.CpuSeconds.GetValueOrDefault(s)} / {r.PeakMemoryMiB.GetValueOrDefault(s)}")) + " |");
        md.AppendLine().AppendLine("Messages acknowledged per second, per queue.").AppendLine();
        foreach (var r in results)
            md.AppendLine($"- {r.Symbols}, {r.Mode}: " + string.Join(", ", r.QueueMessagesPerSecond.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"`{q.Key}` {q.Value.ToString(CultureInfo.InvariantCulture)}")));

        md.AppendLine().AppendLine("## Targets").AppendLine().AppendLine("| target | observed | |").AppendLine("|---|---|---|");
        var s150 = results.FirstOrDefault(r => r.Symbols == 150 && r.Mode == "max speed");
        if (s150 is not null)
            Target(md, "150-symbol session (58,500 bars) end to end <= 60 s (stretch 30 s)", $"{s150.WallSeconds} s", s150.Finished && s150.WallSeconds <= 60);
        var paced = results.FirstOrDefault(r => r.Mode.StartsWith("paced", StringComparison.Ordinal));
        if (paced is not null)
        {
            Target(md, "bar-to-fill latency at a paced replay, 36 symbols: p50 <= 40 ms", $"{paced.LatencyP50Ms} ms", paced.LatencyP50Ms <= 40);
            Target(md, "bar-to-fill latency at a paced replay, 36 symbols: p99 <= 250 ms", $"{paced.LatencyP99Ms} ms", paced.LatencyP99Ms <= 250);
        }
        md.AppendLine().AppendLine("Not measured by this harness yet: the in-memory and bare-transport ceilings (durability overhead ratio), " +
                                   "the kill switch with 50 open brackets, and scaling consumers over 1/2/4 processes.");
        return md.ToString();
    }

    static void Target(StringBuilder md, string what, string observed, bool passed) =>
        md.AppendLine($"| {what} | {observed} | {(passed ? "pass" : "FAIL")} |");
}
