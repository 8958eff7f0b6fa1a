using System.CommandLine;
using System.Diagnostics;
using Tradewire.Cli.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli;

/// <summary>
/// The main job: infrastructure up, build, a clean environment (service databases recreated, queues deleted),
/// the seven services started, the sample session replayed through them as the latest completed trading
/// session, a report of what every service recorded checked against the operator's expectations, services
/// stopped. RabbitMQ and PostgreSQL stay up so the operator can run the runbook's queries afterwards.
/// </summary>
public static class DemoCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var date = CliOptions.Date("replay the sample session as this trading date (default: the latest completed session)");
        var command = new Command("demo", "replay the sample session through all seven services, print the report and the burn-in check, stop the services (RabbitMQ and PostgreSQL keep running)") { date };
        command.SetAction(r => Run(paths, r.GetValue(date)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, DateOnly? date)
    {
        var total = Stopwatch.StartNew();

        Console.WriteLine("== 1/6 infrastructure");
        if (await Shell.Run("bash", [paths.InfraScript, "up"], paths.Root) != 0)
            return Fail("infrastructure did not start");

        Console.WriteLine("== 2/6 build");
        if (await Shell.Run("dotnet", ["build", Path.Combine(paths.Root, "Microservices.sln"), "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly"], paths.Root) != 0)
            return Fail("build failed");

        var infra = InfraEnvironment.Load(paths);
        var token = OperatorToken.LoadOrCreate(paths);
        var calendar = new NyseCalendar();
        var session = date is { } d
            ? calendar.GetSession(d) ?? throw new InvalidOperationException($"{d:yyyy-MM-dd} is not a trading day")
            : SessionDates.LatestCompleted(calendar, DateTimeOffset.UtcNow);

        Console.WriteLine("== 3/6 clean environment");
        await Environments.ResetDatabases(infra, ServiceCatalog.Deployables);
        Console.WriteLine($"   {ServiceCatalog.Deployables.Count} service databases recreated, {await Environments.DeleteQueues(infra)} queues deleted");

        await using var fleet = new ServiceFleet(paths, infra, token);
        Console.WriteLine("== 4/6 services");
        foreach (var service in ServiceCatalog.Deployables)
            fleet.Start(service);
        var notReady = await fleet.WaitUntilReady(TimeSpan.FromSeconds(120));
        if (notReady.Count > 0)
            return Fail("not ready: " + string.Join(", ", notReady.Select(s => $"{s.Name} (see ./tradewire logs {s.Name})")));
        foreach (var p in fleet.Running)
            Console.WriteLine($"   {p.Service.Name,-15} pid {p.Pid,-7} {p.Service.BaseAddress} ready");
        Console.WriteLine($"   dashboard: open {ServiceCatalog.Dashboard.BaseAddress} to watch the replay live (until the demo stops the services)");

        Console.WriteLine($"== 5/6 replay data/sample-session as {session.Date:yyyy-MM-dd} ({session.Minutes} minutes{(session.IsEarlyClose ? ", early close" : "")})");
        var sample = Path.Combine(paths.Root, "data", "sample-session");
        var replay = Stopwatch.StartNew();
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.PostAsJsonAsync(new Uri(ServiceCatalog.All[0].BaseAddress, "/replay"),
                new { path = sample, sessionDate = session.Date.ToString("yyyy-MM-dd"), speed = 0 });
            Console.WriteLine($"   POST /replay: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (!response.IsSuccessStatusCode)
                return Fail("the replay was refused");
        }
        var progress = new ReplayProgress(infra);
        var finished = await WaitForSession(progress, session, TimeSpan.FromMinutes(15));
        Console.WriteLine(finished ? $"   every service finished the session in {replay.Elapsed.TotalSeconds:F1} s" : "   TIMED OUT waiting for the session");

        Console.WriteLine("== 6/6 report");
        var report = new SessionReport(progress, session.Date);
        var checks = await report.Build();
        var reportDir = Path.Combine(paths.StateDir, "reports");
        Directory.CreateDirectory(reportDir);
        var reportFile = Path.Combine(reportDir, $"session-{session.Date:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(reportFile, report.Markdown);
        Console.WriteLine(report.Markdown);
        Console.WriteLine($"   report written to {reportFile}");
        var limits = await BurnIn.BurnInLimits.Fetch(ServiceCatalog.Find("broker-gateway")!.BaseAddress, ServiceCatalog.Find("dispatcher")!.BaseAddress, token);
        var (burnInFile, requirements) = await BurnInCommand.Write(progress, session.Date,
            Path.Combine(reportDir, $"burnin-{session.Date:yyyy-MM-dd}.html"), (double)(limits.MaxPortfolioHeatFraction * 100));
        Console.WriteLine("   burn-in daily requirements:");
        foreach (var r in requirements)
            Console.WriteLine($"     {(r.Passed ? "pass" : "FAIL")}  {r.Name}: {r.Observed}");
        Console.WriteLine($"   burn-in report written to {burnInFile}");
        var reconcile = await Reconcile.Run(paths, progress.For("broker-gateway"));
        Console.WriteLine($"   scripts/reconcile_db.sql: {reconcile.Sum(r => r.Rows)} rows in {reconcile.Count} checks" +
                          (reconcile.All(r => r.Rows == 0) ? " (healthy)" : ": " + string.Join(", ", reconcile.Where(r => r.Rows > 0).Select(r => $"{r.Name} {r.Rows}"))));

        Console.WriteLine("   ./tradewire burnin check on the replayed session:");
        var day = await BurnIn.BurnInCheck.Run(progress.For, limits, session.Date, reportDir, Console.Out);

        var codes = await fleet.StopAll(TimeSpan.FromSeconds(20));
        var ok = finished && checks.All(c => c.Passed) && requirements.All(r => r.Passed) && reconcile.All(r => r.Rows == 0) && day.Go
                 && codes.All(c => c.ExitCode == 0);
        Console.WriteLine(ok ? $"Demo passed in {total.Elapsed.TotalSeconds:F1} s." : "Demo FAILED (see above and ./tradewire logs <service>).");
        Console.WriteLine($"RabbitMQ and PostgreSQL are still running: ./tradewire psql <service>, management UI {infra.ManagementUri} " +
                          "(user and password in .tradewire/env); stop them with ./tradewire infra down.");
        return ok ? 0 : 1;
    }

    /// <summary>Polls each service's progress until every one has acted on every minute and all outboxes are empty.</summary>
    public static async Task<bool> WaitForSession(ReplayProgress progress, TradingSession session, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        while (watch.Elapsed < timeout)
        {
            IReadOnlyList<(string Service, int Minutes)> minutes;
            bool done;
            try
            {
                minutes = await progress.Minutes(session.Date);
                done = minutes.All(m => m.Minutes >= session.Minutes) && await progress.PendingOutbox() == 0;
            }
            catch (Npgsql.NpgsqlException) // the database is restarting (a drill): ask again
            {
                await Task.Delay(500);
                continue;
            }
            if (done || watch.Elapsed - lastPrint > TimeSpan.FromSeconds(5))
            {
                Console.WriteLine($"   {watch.Elapsed.TotalSeconds,5:F0} s  " + string.Join("  ", minutes.Select(m => $"{m.Service} {m.Minutes}")));
                lastPrint = watch.Elapsed;
            }
            if (done)
                return true;
            await Task.Delay(500);
        }
        return false;
    }

    static int Fail(string why)
    {
        Console.Error.WriteLine("demo: " + why);
        return 1;
    }
}
