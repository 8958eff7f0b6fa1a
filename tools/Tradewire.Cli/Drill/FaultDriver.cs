using System.Diagnostics;

namespace Tradewire.Cli.Drill;

/// <summary>
/// Injects the drill's faults while a replay runs: a SIGKILL of a random service (seeded) every interval, followed
/// by its restart (not waiting for it to be ready, so a service can be killed again while it starts); RabbitMQ restarted after a third of the kills, PostgreSQL after two thirds, and a burst of
/// <c>pg_terminate_backend</c> on every service connection in the middle. Stops injecting when the session ends.
/// </summary>
public sealed class FaultDriver(RepoPaths paths, InfraEnvironment infra, int kills, TimeSpan interval, int seed)
{
    readonly Stopwatch _sinceLastFault = new();

    /// <summary>The message whose consume commit an aimed kill follows, per service (ingest consumes none of the pipeline's).</summary>
    static readonly Dictionary<string, string> AimedAt = new()
    {
        ["classifier"] = "NewsMinuteClosed", ["features"] = "MinuteBarsClosed", ["watchlist"] = "FeaturesComputed",
        ["signal"] = "WatchlistUpdated", ["dispatcher"] = "SignalsEvaluated", ["broker-gateway"] = "DispatchRunCompleted",
    };

    public List<string> Log { get; } = [];
    public int PoisonInjected { get; set; }
    public List<string> PoisonReasons { get; set; } = [];
    public List<(string Reason, long Count)> Rejections { get; set; } = [];
    public double DrainSeconds { get; private set; }
    public bool OutboxDrainedWithin60s => DrainSeconds <= 60;

    public async Task Run(ServiceFleet fleet, ReplayProgress progress, ServiceDefaults.MarketTime.TradingSession session)
    {
        var rng = new Random(seed);
        var watch = Stopwatch.StartNew();
        for (var k = 1; k <= kills; k++)
        {
            await Task.Delay(interval);
            if (await Finished(progress, session))
            {
                Log.Add($"the session finished after {k - 1} kills; stopped injecting");
                break;
            }
            Supervise(fleet, watch);
            var victim = ServiceCatalog.All[rng.Next(ServiceCatalog.All.Count)];
            if (fleet.Running.LastOrDefault(p => p.Service == victim && !p.HasExited) is { } process)
            {
                process.Kill();
                // Every third kill is aimed: the replacement kills itself right after committing its next consume of
                // the given message, before delivering what it published (the crash window the outbox exists for;
                // in the broker-gateway that commit holds the entry fills and the legs placed for them).
                var aimed = k % 3 == 0 ? AimedAt.GetValueOrDefault(victim.Name) : null;
                fleet.Start(victim, aimed is null ? null : new Dictionary<string, string> { ["Faults__CrashAfterConsumeCommit"] = aimed });
                Log.Add($"{watch.Elapsed.TotalSeconds,6:F1} s  kill {k}: SIGKILL {victim.Name} (pid {process.Pid}), restarted" +
                        (aimed is null ? "" : $" to die again right after its next {aimed} consume commits"));
            }
            if (k == kills / 3)
                await Infra("restart-rabbitmq", watch);
            if (k == kills / 2)
                Log.Add($"{watch.Elapsed.TotalSeconds,6:F1} s  pg_terminate_backend on {await TerminateConnections()} service connections");
            if (k == 2 * kills / 3)
                await Infra("restart-postgres", watch);
            _sinceLastFault.Restart();
        }
        // Kills do not wait for the replacement to be ready: a service may die again while it starts, as in a crash loop.
        // Until the session ends, act as the supervisor would (docker-compose restart policy, Kubernetes): restart
        // any service that is not running.
        var deadline = Stopwatch.StartNew();
        while (!await Finished(progress, session) && deadline.Elapsed < TimeSpan.FromMinutes(15))
        {
            Supervise(fleet, watch);
            await Task.Delay(1000);
        }
        await fleet.WaitUntilReady(TimeSpan.FromSeconds(120));
    }

    /// <summary>Starts every service that has no live process (one that died by itself counts as a fault too).</summary>
    void Supervise(ServiceFleet fleet, Stopwatch watch)
    {
        foreach (var service in ServiceCatalog.All.Where(s => !fleet.Running.Any(p => p.Service == s && !p.HasExited)))
        {
            fleet.Start(service);
            Log.Add($"{watch.Elapsed.TotalSeconds,6:F1} s  {service.Name} had exited by itself; restarted (as a supervisor would)");
        }
    }

    static async Task<bool> Finished(ReplayProgress progress, ServiceDefaults.MarketTime.TradingSession session)
    {
        try
        {
            return (await progress.Minutes(session.Date)).All(m => m.Minutes >= session.Minutes);
        }
        catch (Npgsql.NpgsqlException)
        {
            return false; // the database is restarting: the session is not over
        }
    }

    public void MarkDrained() => DrainSeconds = _sinceLastFault.Elapsed.TotalSeconds;

    async Task Infra(string command, Stopwatch watch)
    {
        var code = await Shell.Run("bash", [paths.InfraScript, command], paths.Root);
        Log.Add($"{watch.Elapsed.TotalSeconds,6:F1} s  infra.sh {command}: exit {code}");
    }

    async Task<long> TerminateConnections()
    {
        var admin = new Db(infra.AdminConnectionString());
        var rows = await admin.Rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()",
            (object)ServiceCatalog.All.Select(s => s.Database).ToArray()); // one array parameter, not params expansion
        return rows.Count;
    }
}
