using System.Diagnostics;
using System.CommandLine;
using Tradewire.Cli.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Bench;

/// <summary>
/// <c>./tradewire bench [--sizes 36,150,500|none] [--paced-speed 20|0] [--paced-minutes 40] [--features-replicas 2,4|none] [--drill no|yes]</c>:
/// replays seeded sessions of each size as fast as possible through the seven real services over the real RabbitMQ
/// and PostgreSQL (outbox and inbox on every hop), each beside the bare message graph and the in-memory logic on the
/// same data, then the 36-symbol session at a paced speed for the latency target, and with <c>--drill yes</c> the
/// fault drill for its drain after the last fault. Writes <c>bench/results/bench-DATE.md</c> and <c>.json</c> and
/// prints the report, ending with every target of <see cref="BenchTargets"/> marked pass, FAIL or not measured.
/// Not part of the test suite: it takes minutes and measures the machine it runs on.
/// </summary>
public static class BenchCommand
{
    static readonly DateOnly Date = new(2026, 11, 20);

    /// <summary>The Unix users the infrastructure runs as (scripts/infra.sh): their CPU is counted next to the services'.</summary>
    static readonly string[] Infra = ["postgres", "rabbitmq"];

    public static Command Definition(RepoPaths paths)
    {
        var sizes = CliOptions.IntList("--sizes", "symbols per session replayed as fast as possible", [36, 150, 500], 1);
        var pacedSpeed = new Option<decimal>("--paced-speed") { Description = "market minutes per wall minute of the paced run; 0 skips it", DefaultValueFactory = _ => 20m };
        pacedSpeed.Validators.Add(r => { if (r.GetValueOrDefault<decimal>() < 0) r.AddError("--paced-speed must be 0 or above"); });
        var pacedMinutes = CliOptions.Int("--paced-minutes", "market minutes of the paced run", 40, 1, 390);
        var warmup = new Option<string>("--paced-warmup") { Description = "replay the morning before the paced part: yes or no", DefaultValueFactory = _ => "yes" };
        warmup.AcceptOnlyFromAmong("yes", "no");
        var replicas = CliOptions.IntList("--features-replicas", "features replicas to run the 36-symbol session with", [2, 4], 1);
        var drill = new Option<string>("--drill") { Description = "run the fault drill (./tradewire drill, its default schedule) for the drain target: yes or no", DefaultValueFactory = _ => "no" };
        drill.AcceptOnlyFromAmong("yes", "no");
        var command = new Command("bench", "the benchmark (bench/README.md): sessions through the real services, figures and targets")
            { sizes, pacedSpeed, pacedMinutes, warmup, replicas, drill };
        command.SetAction(r => Run(paths, r.GetValue(sizes)!, r.GetValue(pacedSpeed), r.GetValue(pacedMinutes), r.GetValue(warmup) == "yes", r.GetValue(replicas)!,
            r.GetValue(drill) == "yes"));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, int[] sizes, decimal pacedSpeed, int pacedMinutes, bool warmup, int[] replicas, bool drill = false)
    {
        if (await Shell.Run("bash", [paths.InfraScript, "up"], paths.Root) != 0)
            throw new InvalidOperationException("infrastructure did not start");
        if (await Shell.Run("dotnet", ["build", Path.Combine(paths.Root, "Microservices.sln"), "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly"], paths.Root) != 0)
            throw new InvalidOperationException("build failed");
        var infra = InfraEnvironment.Load(paths);
        var work = Path.Combine(paths.StateDir, "bench");
        var results = new List<BenchResult>();
        foreach (var size in sizes)
            results.Add(await RunOne(paths, infra, work, size, 0, null));
        if (pacedSpeed > 0)
            results.Add(await RunOne(paths, infra, work, 36, pacedSpeed, pacedMinutes, warmup: warmup));
        if (sizes.Contains(36))
            foreach (var n in replicas.Where(n => n > 1))
                results.Add(await RunOne(paths, infra, work, 36, 0, null, n));

        double? drain = null;
        if (drill)
        {
            // The drill's own default schedule: the drain target is the drill's limit, so it is measured as the drill runs it.
            var outcome = await Drill.DrillCommand.Execute(paths, Drill.DrillCommand.DefaultKills,
                TimeSpan.FromSeconds(Drill.DrillCommand.DefaultIntervalSeconds), Drill.DrillCommand.DefaultSeed, "all");
            drain = outcome.DrainSeconds;
            Console.WriteLine($"   drill {(outcome.Passed ? "passed" : "FAILED")}; outboxes drained {drain:F1} s after the last fault");
        }

        await BenchReport.Write(paths, "bench", BenchReport.Markdown(results, Environment.ProcessorCount, drain), new { results, drillDrainSeconds = drain });
        return 0;
    }

    static async Task<BenchResult> RunOne(RepoPaths paths, InfraEnvironment infra, string work, int symbols, decimal speed, int? stopAfterMinutes,
        int featureReplicas = 1, bool warmup = false)
    {
        var mode = (speed == 0 ? "max speed" : $"paced {speed}x") + (featureReplicas > 1 ? $", features x{featureReplicas}" : "")
            + (warmup ? ", after a warm-up session" : "");
        Console.WriteLine($"== bench: {symbols} symbols, {mode}");
        var (sessionDir, universeFile) = BenchSession.Write(work, symbols, 20261120 + symbols, Path.Combine(paths.Root, "data", "universe.csv"), Date);
        var session = new NyseCalendar().GetSession(Date)!;
        await Environments.ResetDatabases(infra);
        await Environments.DeleteQueues(infra);
        var token = OperatorToken.LoadOrCreate(paths);
        await using var fleet = new ServiceFleet(paths, infra, token);
        var processes = ServiceCatalog.All.ToDictionary(s => s.Name, s => fleet.Start(s,
            s.Name == "ingest" ? new Dictionary<string, string> { ["Universe__Path"] = universeFile } : null));
        // Scaling: more features processes on the same queues and database (competing consumers), each on its own port.
        var features = ServiceCatalog.Find("features")!;
        for (var k = 1; k < featureReplicas; k++)
            processes[$"features-{k + 1}"] = fleet.Start(features with { Port = features.Port + 100 * k });
        var startup = Stopwatch.StartNew();
        if ((await fleet.WaitUntilReady(TimeSpan.FromSeconds(120))).Count > 0)
            throw new InvalidOperationException("services not ready; see ./tradewire logs <service>");
        Console.WriteLine($"   services ready in {startup.Elapsed.TotalSeconds:F1} s");
        var progress = new ReplayProgress(infra, pooled: true);
        if (warmup)
        {
            // As in production, where the services are up and have traded a session before the bell: the previous
            // trading day's session at full speed first, so the measured minutes are not the ones that JIT-compile
            // every path and fill every pool. The cold figure is what the warm-up run printed here.
            var previous = new NyseCalendar().PreviousSession(Date);
            var (warmDir, _) = BenchSession.Write(Path.Combine(work, "warmup"), symbols, 20261120 + symbols, Path.Combine(paths.Root, "data", "universe.csv"), previous.Date);
            var warmWatch = Stopwatch.StartNew();
            await StartReplay(token, warmDir, previous.Date, 0);
            if (!await WaitFor(progress, previous.Date, previous.Minutes, TimeSpan.FromMinutes(10)))
                throw new InvalidOperationException("the warm-up session did not finish in 10 minutes");
            Console.WriteLine($"   warm-up session {previous.Date:yyyy-MM-dd} replayed in {warmWatch.Elapsed.TotalSeconds:F1} s");
        }

        var cpuBefore = processes.ToDictionary(p => p.Key, p => ProcessStats.Read(p.Value.Pid)?.CpuSeconds ?? 0);
        var infraBefore = Infra.ToDictionary(u => u, ProcessStats.UserCpuSeconds);
        var machineBefore = ProcessStats.MachineCpuSeconds();
        var commitsBefore = await BenchMeasures.PgCommits(infra);
        var acksBefore = await BenchMeasures.QueueAcks(infra); // the warm-up's messages are not the run's
        var statements = await BenchMeasures.ResetStatements(infra);
        var watch = Stopwatch.StartNew();
        await StartReplay(token, sessionDir, Date, speed);
        var minutes = stopAfterMinutes ?? session.Minutes;
        var finished = await WaitFor(progress, Date, minutes, TimeSpan.FromMinutes(30));
        var wall = watch.Elapsed.TotalSeconds;
        var machineAfter = ProcessStats.MachineCpuSeconds();
        var infraCpu = Infra.ToDictionary(u => u, u => Math.Round(ProcessStats.UserCpuSeconds(u) - infraBefore[u], 1));
        var commits = await BenchMeasures.PgCommits(infra) - commitsBefore;
        var cpu = processes.ToDictionary(p => p.Key, p => Math.Round((ProcessStats.Read(p.Value.Pid)?.CpuSeconds ?? 0) - cpuBefore[p.Key], 1));
        var memory = processes.ToDictionary(p => p.Key, p => Math.Round((ProcessStats.Read(p.Value.Pid)?.PeakRssBytes ?? 0) / 1048576.0, 0));
        var acks = (await BenchMeasures.QueueAcks(infra)).ToDictionary(a => a.Key, a => a.Value - acksBefore.GetValueOrDefault(a.Key));
        var top = statements ? await BenchMeasures.TopStatements(infra, 12) : [];
        var latencies = await BenchMeasures.MinuteLatenciesMs(progress, Date);
        var bars = (int)await progress.For("ingest").Scalar("SELECT count(*) FROM lane_telemetry WHERE minute >= $1", 0L, session.OpenUtc);
        var result = new BenchResult
        {
            Mode = mode, Symbols = symbols, Bars = bars, Finished = finished, WallSeconds = Math.Round(wall, 1),
            BarsPerSecond = Math.Round(bars / wall, 0),
            LatencyP50Ms = Round(BenchMeasures.Percentile(latencies, 50)), LatencyP95Ms = Round(BenchMeasures.Percentile(latencies, 95)),
            LatencyP99Ms = Round(BenchMeasures.Percentile(latencies, 99)),
            PgCommitsPerSecond = Math.Round(commits / wall, 0), CpuSeconds = cpu, PeakMemoryMiB = memory, InfraCpuSeconds = infraCpu,
            MachineBusyPercent = Math.Round(100 * (machineAfter.Busy - machineBefore.Busy) / (machineAfter.Total - machineBefore.Total), 0),
            QueueMessagesPerSecond = acks.Where(a => a.Value > 0).ToDictionary(a => a.Key, a => Math.Round(a.Value / wall, 1)),
            Executions = (int)await progress.For("dispatcher").Scalar("SELECT count(*) FROM dispatch_executions", 0L),
            Fills = (int)await progress.For("broker-gateway").Scalar("SELECT count(*) FROM trades", 0L),
            Replicas = featureReplicas,
            TopStatements = top,
            FeaturesDigest = await progress.For("features").Scalar("""
                SELECT md5(string_agg(concat_ws('|', ticker, ts, minute, close, volume, sma20, sma50, atr14, recent_vol, realized_vol, vol_ratio,
                    trend, return_1, return_5, return_15, bar_count, ready), E'\n' ORDER BY ticker, ts)) FROM lane_features
                """, ""),
            OutOfOrderBars = await progress.For("features").Scalar("""
                SELECT count(*) FROM (SELECT bar_count, row_number() OVER (PARTITION BY ticker ORDER BY minute) AS position FROM lane_features) x
                WHERE bar_count <> position
                """, 0L),
        };
        await fleet.StopAll(TimeSpan.FromSeconds(20));
        Console.WriteLine($"   {symbols} symbols {mode}: {result.WallSeconds} s, {result.BarsPerSecond} bars/s, p50 {result.LatencyP50Ms} ms, p99 {result.LatencyP99Ms} ms");
        if (speed == 0)
        {
            // Same session, same broker, nothing else running: the transport's ceiling for the durability ratio.
            result = result with { BareWallSeconds = await BareChainBench.Run(infra, sessionDir, universeFile, Date) };
            Console.WriteLine($"   {symbols} symbols, bare message graph: {result.BareWallSeconds} s (durability overhead {result.DurabilityOverhead}x)");
            // And the logic's own ceiling: the same stages and domain code in one process, no transport, no database.
            var logic = await InMemory.InMemoryPipeline.Run(sessionDir, universeFile, Date);
            result = result with { InMemoryWallSeconds = logic.WallSeconds, InMemoryExecutions = logic.Executions, InMemoryFills = logic.Fills };
            Console.WriteLine($"   {symbols} symbols, in-memory logic: {logic.WallSeconds} s ({logic.Executions} executions, {logic.Fills} fills)");
        }
        return result;
    }

    static double? Round(double? v) => v is { } x ? Math.Round(x, 0) : null;

    static async Task StartReplay(string token, string sessionDir, DateOnly date, decimal speed)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsJsonAsync(new Uri(ServiceCatalog.Find("ingest")!.BaseAddress, "/replay"),
            new { path = sessionDir, sessionDate = date.ToString("yyyy-MM-dd"), speed });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Until the broker-gateway (the last stage) has acted on <paramref name="minutes"/> minutes of the session and every outbox is empty.</summary>
    static async Task<bool> WaitFor(ReplayProgress progress, DateOnly date, int minutes, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var done = await progress.For("broker-gateway").Scalar("SELECT coalesce(sum(minutes_done), 0)::int FROM minute_cursor WHERE session_date = $1", 0, date);
            if (done >= minutes && await progress.PendingOutbox() == 0)
                return true;
            await Task.Delay(200);
        }
        return false;
    }
}
