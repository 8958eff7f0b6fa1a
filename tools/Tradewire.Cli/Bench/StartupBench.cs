using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.Bench;

/// <summary>
/// <c>./tradewire bench-startup [--rounds 3]</c>: how long a service takes from its process start to answering
/// <c>/health/ready</c>, the seven starting together (as <c>./tradewire up</c> and the integration tests start them)
/// and one restarted alone while the others run (as after a crash), and the CPU seconds each process used until
/// then: on a shared, loaded machine the wall time swings with the load, the CPU time much less. Each round starts
/// on fresh databases and queues. Uses the build output as it is: build first.
/// </summary>
public static class StartupBench
{
    /// <summary>The service restarted alone: the last stage, whose start also rehearses the kill switch.</summary>
    const string Restarted = "broker-gateway";

    public static Command Definition(RepoPaths paths)
    {
        var rounds = CliOptions.Int("--rounds", "rounds of seven starting together, then one restarted alone", 3, 1, 20);
        var command = new Command("bench-startup", "time from process start to /health/ready of the seven services") { rounds };
        command.SetAction(r => Run(paths, r.GetValue(rounds)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, int rounds)
    {
        var infra = InfraEnvironment.Load(paths);
        var token = OperatorToken.LoadOrCreate(paths);
        var together = new List<Dictionary<string, Started>>();
        var alone = new List<Started>();
        for (var round = 1; round <= rounds; round++)
        {
            await Environments.ResetDatabases(infra);
            await Environments.DeleteQueues(infra);
            await using var fleet = new ServiceFleet(paths, infra, token);
            var watch = Stopwatch.StartNew();
            var started = ServiceCatalog.All.Select(s => fleet.Start(s)).ToList();
            together.Add(await ReadyTimes(started, watch));
            Console.WriteLine($"round {round}, seven together: " + string.Join(", ", together[^1].Select(t => $"{t.Key} {t.Value}")));

            var old = fleet.Running.Single(p => p.Service.Name == Restarted);
            await old.Stop(TimeSpan.FromSeconds(20));
            watch.Restart();
            var replacement = fleet.Start(old.Service);
            alone.Add((await ReadyTimes([replacement], watch))[Restarted]);
            Console.WriteLine($"round {round}, {Restarted} alone: {alone[^1]}");
        }
        await BenchReport.Write(paths, "startup", Markdown(together, alone), new { loadAverage = LoadAverage(), together, alone });
        return 0;
    }

    /// <summary>One process's start: wall seconds until it answered ready, and the CPU seconds it had used by then.</summary>
    public sealed record Started(double WallSeconds, double CpuSeconds)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WallSeconds:F1} s ({CpuSeconds:F1} CPU s)");
    }

    /// <summary>Each process's start, timed from <paramref name="watch"/>'s start; throws if one never answers ready.</summary>
    static async Task<Dictionary<string, Started>> ReadyTimes(IReadOnlyList<ServiceProcess> processes, Stopwatch watch)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var times = await Task.WhenAll(processes.Select(async p =>
            await p.WaitUntilReady(http, TimeSpan.FromSeconds(180))
                ? (p.Service.Name, Started: new Started(Math.Round(watch.Elapsed.TotalSeconds, 1), Math.Round(ProcessStats.Read(p.Pid)?.CpuSeconds ?? 0, 1)))
                : throw new InvalidOperationException($"{p.Service.Name} did not become ready; see ./tradewire logs {p.Service.Name}")));
        return times.ToDictionary(t => t.Name, t => t.Started);
    }

    static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    static string Markdown(IReadOnlyList<Dictionary<string, Started>> together, IReadOnlyList<Started> alone)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Service start-up, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores, load average {LoadAverage()})").AppendLine();
        md.AppendLine("Seconds from process start to `/health/ready` (CPU seconds the process used until then).").AppendLine();
        var names = ServiceCatalog.All.Select(s => s.Name).ToList();
        md.AppendLine("| round | " + string.Join(" | ", names) + $" | all seven ready | CPU s of all seven | {Restarted} alone |");
        md.AppendLine("|---|" + string.Concat(names.Select(_ => "---|")) + "---|---|---|");
        for (var i = 0; i < together.Count; i++)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {i + 1} | {string.Join(" | ", names.Select(n => together[i][n]))} | {together[i].Values.Max(t => t.WallSeconds):F1} | " +
                $"{together[i].Values.Sum(t => t.CpuSeconds):F1} | {alone[i]} |");
        return md.ToString();
    }
}
