using System.CommandLine;
using System.Diagnostics;
using Tradewire.Cli.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Drill;

/// <summary>
/// <c>./tradewire drill [--kills 20] [--interval 3] [--seed 1]</c>: the fault drill. Replays the sample session
/// once undisturbed and records its ledger digest; replays it again while a driver SIGKILLs a random service
/// every few seconds and restarts it (plus one RabbitMQ restart, one PostgreSQL restart and a burst of
/// <c>pg_terminate_backend</c> on the services' connections), then resends every order after forgetting the
/// broker's inbox, and puts two poison messages on a queue; ingest also polls a news feed that answers HTML. The ledger must equal the undisturbed one;
/// reconcile_db.sql must return zero rows; the outboxes must drain within 60 s of the last fault; the error
/// queues must hold exactly the injected poison, with its reason. Every third kill is aimed (see FaultDriver).
/// Last, the broker faults on the LIVE path (<see cref="BrokerFaults"/>); <c>--only broker</c> runs just those.
/// </summary>
public static class DrillCommand
{
    static readonly DateOnly Date = new(2026, 11, 20);

    /// <summary>The default schedule, also what <c>./tradewire bench --drill yes</c> runs.</summary>
    public const int DefaultKills = 20, DefaultSeed = 1;
    public const double DefaultIntervalSeconds = 3.0;

    public static Command Definition(RepoPaths paths)
    {
        var kills = CliOptions.Int("--kills", "services SIGKILLed during the disturbed replay", DefaultKills, 0, 1000);
        var interval = new Option<double>("--interval") { Description = "seconds between kills", DefaultValueFactory = _ => DefaultIntervalSeconds };
        interval.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) r.AddError("--interval must be above 0 seconds"); });
        var seed = new Option<int>("--seed") { Description = "seed of the kill schedule", DefaultValueFactory = _ => DefaultSeed };
        var only = new Option<string>("--only") { Description = "all, or broker: only the broker faults on the LIVE path", DefaultValueFactory = _ => "all" };
        only.AcceptOnlyFromAmong("all", "broker");
        var command = new Command("drill", "the fault drill: kills, broker and database restarts, late redelivery; the ledger must not change; then broker faults on the LIVE path against a local Alpaca-protocol venue")
            { kills, interval, seed, only };
        command.SetAction(r => Run(paths, r.GetValue(kills), TimeSpan.FromSeconds(r.GetValue(interval)), r.GetValue(seed), r.GetValue(only)!));
        return command;
    }

    /// <summary>Whether the drill passed, and the seconds from its last fault until every outbox was empty (null: broker faults only).</summary>
    public sealed record Outcome(bool Passed, double? DrainSeconds);

    public static async Task<int> Run(RepoPaths paths, int kills, TimeSpan interval, int seed, string only) =>
        (await Execute(paths, kills, interval, seed, only)).Passed ? 0 : 1;

    public static async Task<Outcome> Execute(RepoPaths paths, int kills, TimeSpan interval, int seed, string only)
    {
        if (await Shell.Run("bash", [paths.InfraScript, "up"], paths.Root) != 0)
            throw new InvalidOperationException("infrastructure did not start");
        if (await Shell.Run("dotnet", ["build", Path.Combine(paths.Root, "Microservices.sln"), "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly"], paths.Root) != 0)
            throw new InvalidOperationException("build failed");
        var infra = InfraEnvironment.Load(paths);
        var session = new NyseCalendar().GetSession(Date)!;
        var sample = Path.Combine(paths.Root, "data", "sample-session");
        if (only == "broker")
            return new(await RunBrokerFaults(paths, infra, session), null);

        Console.WriteLine("== drill 1/3: undisturbed replay");
        var (expected, expectedParts) = await Replay(paths, infra, sample, session, null);
        Console.WriteLine($"   ledger digest {expected[..16]}  " + string.Join(", ", expectedParts.Select(p => $"{p.Name} {p.Rows}")));

        Console.WriteLine($"== drill 2/3: replay with {kills} kills every {interval.TotalSeconds:0.#} s, RabbitMQ and PostgreSQL restarts, connection terminations, late redelivery");
        var faults = new FaultDriver(paths, infra, kills, interval, seed);
        var (actual, actualParts) = await Replay(paths, infra, sample, session, faults);
        Console.WriteLine($"   ledger digest {actual[..16]}  " + string.Join(", ", actualParts.Select(p => $"{p.Name} {p.Rows}")));
        foreach (var line in faults.Log)
            Console.WriteLine("   " + line);
        foreach (var difference in expectedParts.Zip(actualParts, (e, a) => e.FirstDifference(a)).OfType<string>())
            Console.WriteLine("   ledger differs, undisturbed vs disturbed: " + difference);

        var progress = new ReplayProgress(infra);
        var reconcile = await Reconcile.Run(paths, progress.For("broker-gateway"));
        var errors = await Environments.ErrorQueueMessages(infra);
        // Explained: exactly the poison the drill injected, in the queue it was put on.
        var unexplained = errors.Where(e => e.Key != BadInput.Queue + "_error").Sum(e => e.Value)
                          + Math.Abs(errors.GetValueOrDefault(BadInput.Queue + "_error") - faults.PoisonInjected);
        Console.WriteLine("   bad input, replayed session and news: " + string.Join(", ", faults.Rejections.Select(r => $"{r.Reason} {r.Count}")) +
                          " (refused by ingest, counted in ingest_rejections)");
        var htmlRefused = faults.Rejections.Any(r => r.Reason == BadInput.NotAFeed);
        Console.WriteLine($"   poison injected into {BadInput.Queue}: {faults.PoisonInjected}; in its error queue with the reason:");
        foreach (var reason in faults.PoisonReasons)
            Console.WriteLine("     " + reason);
        var replayOk = expected == actual && reconcile.All(r => r.Rows == 0) && unexplained == 0 && faults.OutboxDrainedWithin60s && htmlRefused;
        Console.WriteLine($"   ledger equal to the undisturbed one: {(expected == actual ? "yes" : "NO")}");
        Console.WriteLine($"   reconcile_db.sql: {reconcile.Sum(r => r.Rows)} rows");
        Console.WriteLine($"   news feed answering HTML refused ({BadInput.NotAFeed}): {(htmlRefused ? "yes" : "NO")}");
        Console.WriteLine($"   outboxes drained {faults.DrainSeconds:F1} s after the last fault (limit 60 s)");
        Console.WriteLine($"   messages in error queues: {errors.Values.Sum()}" + (errors.Count > 0 ? " (" + string.Join(", ", errors.Select(e => $"{e.Key} {e.Value}")) + ")" : "") +
                          $", unexplained: {unexplained}");
        var ok = await RunBrokerFaults(paths, infra, session) && replayOk;
        Console.WriteLine(ok ? "Drill passed." : "Drill FAILED.");
        return new(ok, faults.DrainSeconds);
    }

    static async Task<bool> RunBrokerFaults(RepoPaths paths, InfraEnvironment infra, TradingSession session)
    {
        Console.WriteLine("== drill 3/3: broker faults on the LIVE path (broker-gateway against a local Alpaca-protocol venue)");
        var broker = new BrokerFaults(paths, infra, OperatorToken.LoadOrCreate(paths));
        var ok = await broker.Run(session);
        foreach (var line in broker.Log)
            Console.WriteLine("   " + line);
        Console.WriteLine($"   broker faults: {(ok ? "passed" : "FAILED")}");
        return ok;
    }

    static async Task<(string, IReadOnlyList<LedgerDigest.Part>)> Replay(RepoPaths paths, InfraEnvironment infra, string sample, TradingSession session, FaultDriver? faults)
    {
        await Environments.ResetDatabases(infra);
        await Environments.DeleteQueues(infra);
        var token = OperatorToken.LoadOrCreate(paths);
        await using var fleet = new ServiceFleet(paths, infra, token);
        // The disturbed run's ingest also polls a feed that answers with an HTML page (refused, nothing published).
        using var htmlFeed = faults is null ? null : new BadInput.HtmlFeed();
        foreach (var s in ServiceCatalog.All)
            fleet.Start(s, htmlFeed is not null && s.Name == "ingest" ? new Dictionary<string, string> { ["News__Feeds__0"] = htmlFeed.Url } : null);
        if ((await fleet.WaitUntilReady(TimeSpan.FromSeconds(120))).Count > 0)
            throw new InvalidOperationException("services not ready");
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.PostAsJsonAsync(new Uri(ServiceCatalog.Find("ingest")!.BaseAddress, "/replay"),
                new { path = sample, sessionDate = Date.ToString("yyyy-MM-dd"), speed = 0 });
            response.EnsureSuccessStatusCode();
        }
        var progress = new ReplayProgress(infra);
        if (faults is not null)
            await faults.Run(fleet, progress, session);
        if (!await DemoCommand.WaitForSession(progress, session, TimeSpan.FromMinutes(20)))
            throw new InvalidOperationException("the replay did not finish within 20 minutes");
        if (faults is not null)
        {
            faults.MarkDrained();
            var resent = await Redelivery.ResendAllOrders(infra, progress);
            faults.Log.Add($"resent {resent} PlaceBracketOrder commands after clearing the broker-gateway's inbox");
            await Task.Delay(TimeSpan.FromSeconds(5));
            await DemoCommand.WaitForSession(progress, session, TimeSpan.FromMinutes(2));

            faults.PoisonInjected = await BadInput.Inject(infra, session.Date);
            var errorQueue = BadInput.Queue + "_error";
            for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(60)
                 && (await Environments.ErrorQueueMessages(infra)).GetValueOrDefault(errorQueue) < faults.PoisonInjected;)
                await Task.Delay(500);
            faults.PoisonReasons = await BadInput.Reasons(infra, errorQueue);
            faults.Rejections = await BadInput.Rejections(progress.For("ingest"));
        }
        var digest = await LedgerDigest.Compute(progress.For);
        await fleet.StopAll(TimeSpan.FromSeconds(20));
        return digest;
    }
}
