using System.Globalization;
using System.Text;

namespace Tradewire.Cli.Bench;

/// <summary>The benchmark's Markdown table, with its throughput and latency targets and pass/fail.</summary>
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

    /// <param name="drillDrainSeconds">the drill's drain after its last fault, when the run included the drill</param>
    public static string Markdown(IReadOnlyList<BenchResult> results, int cores, double? drillDrainSeconds = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Tradewire benchmark, {DateTime.UtcNow:yyyy-MM-dd} ({cores} cores, synchronous commit on)").AppendLine();
        md.AppendLine("| run | bars | wall s | in-memory logic s | bare graph s | overhead | bars/s | bar-to-fill p50 / p95 / p99 ms | PostgreSQL commits/s | executions | fills |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Symbols} symbols, {r.Mode}{(r.Finished ? "" : " (UNFINISHED)")} | {r.Bars} | {r.WallSeconds} | {r.InMemoryWallSeconds?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {r.BareWallSeconds?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {(r.DurabilityOverhead is { } o ? $"{o}x" : "-")} | {r.BarsPerSecond} | {r.LatencyP50Ms} / {r.LatencyP95Ms} / {r.LatencyP99Ms} | {r.PgCommitsPerSecond} | {r.Executions}{(r.InMemoryExecutions is { } e ? $" (in memory {e})" : "")} | {r.Fills}{(r.InMemoryFills is { } f ? $" (in memory {f})" : "")} |");
        md.AppendLine().AppendLine("In-memory logic: the same stages with the services' own domain code in one process on MassTransit's in-memory transport, " +
                                   "no database, inbox or outbox (`Bench/InMemory`): the logic's ceiling. Bare graph: the same minutes through the pipeline's " +
                                   "message graph on the same RabbitMQ (publisher confirms, same prefetch) without databases, inbox, outbox or logic " +
                                   "(`BareChainBench`): the transport's ceiling; overhead = wall / bare graph.");
        md.AppendLine().AppendLine("Per service: CPU seconds during the run / peak resident memory (MiB); then the CPU seconds of PostgreSQL and " +
                                   "RabbitMQ (all their processes), all of it together, and how busy the machine's cores were.").AppendLine();
        var services = ServiceCatalog.All.Select(s => s.Name).ToList();
        md.AppendLine("| run | " + string.Join(" | ", services) + " | postgres | rabbitmq | CPU s in all | machine busy |")
          .AppendLine("|---|" + string.Concat(services.Select(_ => "---|")) + "---|---|---|---|");
        foreach (var r in results)
            md.AppendLine($"| {r.Symbols}, {r.Mode} | " + string.Join(" | ", services.Select(s => $"{r.CpuSeconds.GetValueOrDefault(s)} / {r.PeakMemoryMiB.GetValueOrDefault(s)}")) +
                          $" | {r.InfraCpuSeconds.GetValueOrDefault("postgres")} | {r.InfraCpuSeconds.GetValueOrDefault("rabbitmq")} | " +
                          $"{Math.Round(r.CpuSeconds.Values.Sum() + r.InfraCpuSeconds.Values.Sum(), 1)} | {r.MachineBusyPercent}% |");
        md.AppendLine().AppendLine("Messages acknowledged per second, per queue.").AppendLine();
        foreach (var r in results)
            md.AppendLine($"- {r.Symbols}, {r.Mode}: " + string.Join(", ", r.QueueMessagesPerSecond.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"`{q.Key}` {q.Value.ToString(CultureInfo.InvariantCulture)}")));

        foreach (var r in results.Where(r => r.TopStatements.Count > 0 && r.Replicas == 1))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"PostgreSQL execution time by statement, {r.Symbols} symbols, {r.Mode} (pg_stat_statements; wall {r.WallSeconds} s):").AppendLine();
            md.AppendLine("| database | calls | total ms | mean ms | statement |").AppendLine("|---|---|---|---|---|");
            foreach (var st in r.TopStatements)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {st.Database} | {st.Calls} | {st.TotalMs} | {st.MeanMs} | `{st.Query.Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }

        var scaling = results.Where(r => r.Symbols == 36 && r.Mode.StartsWith("max speed", StringComparison.Ordinal)).OrderBy(r => r.Replicas).ToList();
        if (scaling.Count > 1)
        {
            md.AppendLine().AppendLine("## Scaling: features as 1, 2, 4 processes (36 symbols, max speed)").AppendLine();
            md.AppendLine("Competing consumers on the same queues and database; per-symbol order is checked in the output: `bar_count` of every " +
                          "`lane_features` row must be its position in the symbol's minute order, and the rows must equal the 1-process run's.").AppendLine();
            md.AppendLine("| processes | wall s | bars/s | out-of-order rows | same features as 1 process |").AppendLine("|---|---|---|---|---|");
            foreach (var r in scaling)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Replicas} | {r.WallSeconds} | {r.BarsPerSecond} | {r.OutOfOrderBars} | {(r.FeaturesDigest == scaling[0].FeaturesDigest ? "yes" : "NO")} |");
        }

        var checks = scaling.Skip(1).ToList();
        if (checks.Count > 0)
        {
            md.AppendLine().AppendLine("| check | observed | |").AppendLine("|---|---|---|");
            foreach (var r in checks)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| features x{r.Replicas}: no bar out of order for a symbol, same features as 1 process | {r.OutOfOrderBars} out of order, " +
                    $"{(r.FeaturesDigest == scaling[0].FeaturesDigest ? "same" : "different")} | {(r.OutOfOrderBars == 0 && r.FeaturesDigest == scaling[0].FeaturesDigest ? "pass" : "FAIL")} |");
        }
        md.AppendLine().AppendLine("## Targets").AppendLine().Append(BenchTargets.Markdown(BenchTargets.Judge(results, drillDrainSeconds)));
        md.AppendLine().AppendLine("The kill switch is measured by `./tradewire bench-kill` (bench/results/kill-switch-*.md).");
        return md.ToString();
    }
}
