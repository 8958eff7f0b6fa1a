using System.CommandLine;
using Tradewire.Cli.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.RealMarket;

/// <summary>
/// <c>./tradewire realmarket [--data DIR] [--symbol SPY] [--date yyyy-MM-dd]... [--all]</c>: replays real minute bars
/// (NinjaTrader files, by default shared/data/bars/spy_2011_ninjatrader beside the repository) through the seven services, one trading
/// day at a time, each on fresh databases and queues (as docs/strategy-on-real-markets.md's tables are made), and
/// prints per day the signals by rule, the confidence distribution, the gate refusals and the executions. The
/// table is also written to .tradewire/reports/realmarket.md. Run it after a build (./tradewire demo builds) and,
/// on a shared machine, under the infrastructure lock. Stops the services it started.
/// </summary>
public static class RealMarketCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var data = new Option<DirectoryInfo?>("--data") { Description = "a directory of NinjaTrader minute-bar files (default: the shared data's 2011 SPY bars)" };
        var symbol = new Option<string>("--symbol") { Description = "the symbol the files hold", DefaultValueFactory = _ => "SPY" };
        var dates = CliOptions.Dates("a trading day to replay");
        var all = new Option<bool>("--all") { Description = "replay every trading day in the files" };
        var command = new Command("realmarket", "replay real minute bars (NinjaTrader files) through the seven services, each day on a fresh system: signals by rule, confidence, gate refusals, executions")
            { data, symbol, dates, all };
        command.Validators.Add(r =>
        {
            // A --date with a bad value is given: its own error says what is wrong, and this one would be false.
            if (r.GetValue(all) == r.Given(dates))
                r.AddError("give either --date (one or more) or --all");
        });
        command.SetAction(r => Run(paths, r.GetValue(data)?.FullName ?? DefaultData(paths.Root), r.GetValue(symbol)!,
            new SortedSet<DateOnly>(r.GetValue(dates) ?? []), r.GetValue(all)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, string data, string symbol, SortedSet<DateOnly> dates, bool all)
    {
        var calendar = new NyseCalendar();
        foreach (var d in dates.Where(d => calendar.GetSession(d) is null)) // GetSession throws for a date it does not cover
            throw new InvalidOperationException($"{d:yyyy-MM-dd} is not a trading day");
        var files = Directory.Exists(data) ? Directory.GetFiles(data, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
            throw new InvalidOperationException($"no NinjaTrader .csv files in {data}");

        var sessionsRoot = Path.Combine(paths.StateDir, "realmarket");
        var days = NinjaTraderSessions.Write(files, symbol, all ? null : dates, sessionsRoot);
        foreach (var missing in dates.Where(d => !days.ContainsKey(d)))
            throw new InvalidOperationException($"{missing:yyyy-MM-dd}: no regular-session bars in {data}");
        Console.WriteLine($"{days.Count} sessions written under {sessionsRoot}");

        var infra = InfraEnvironment.Load(paths);
        var token = OperatorToken.LoadOrCreate(paths);
        var rows = new List<RealMarketDay>();
        foreach (var (date, bars) in days)
        {
            var watch = Stopwatch.StartNew();
            if (await ReplayOnFreshSystem(paths, infra, token, Path.Combine(sessionsRoot, $"{date:yyyy-MM-dd}"), date) is { } failure)
            {
                Console.Error.WriteLine($"realmarket: {date:yyyy-MM-dd}: {failure}");
                return 1;
            }
            rows.Add(await RealMarketDay.Read(new ReplayProgress(infra).For("dispatcher"), date, bars));
            Console.WriteLine($"   {date:yyyy-MM-dd} replayed in {watch.Elapsed.TotalSeconds:F0} s: {rows[^1]}");
        }
        var table = RealMarketDay.Header + "\n" + string.Join("\n", rows) + "\n";
        var reportDir = Path.Combine(paths.StateDir, "reports");
        Directory.CreateDirectory(reportDir);
        var file = Path.Combine(reportDir, "realmarket.md");
        await File.WriteAllTextAsync(file, table);
        Console.WriteLine(table);
        Console.WriteLine($"Signals {rows.Sum(r => r.Signals)}, executions {rows.Sum(r => r.Executions)} over {rows.Count} days of {symbol}; written to {file}");
        return 0;
    }

    /// <summary>
    /// The 2011 SPY files under the project's shared data directory: <c>TRADEWIRE_SHARED_DIR</c> if set, else the
    /// first <c>shared/</c> beside the repository or one of its parents (a worktree sits deeper than the clone).
    /// </summary>
    static string DefaultData(string root)
    {
        string[] bars = ["data", "bars", "spy_2011_ninjatrader"];
        if (Environment.GetEnvironmentVariable("TRADEWIRE_SHARED_DIR") is { Length: > 0 } shared)
            return Path.Combine([shared, .. bars]);
        for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine([dir.FullName, "shared", .. bars])))
                return Path.Combine([dir.FullName, "shared", .. bars]);
        return Path.Combine([Path.GetFullPath(Path.Combine(root, "..")), "shared", .. bars]);
    }

    /// <summary>Fresh databases and queues, the seven services started, one session replayed to its end, services stopped. Null when it went well.</summary>
    static async Task<string?> ReplayOnFreshSystem(RepoPaths paths, InfraEnvironment infra, string token, string sessionDir, DateOnly date)
    {
        var session = new NyseCalendar().GetSession(date)!;
        await Environments.ResetDatabases(infra, ServiceCatalog.Deployables);
        await Environments.DeleteQueues(infra);
        await using var fleet = new ServiceFleet(paths, infra, token);
        foreach (var service in ServiceCatalog.Deployables)
            fleet.Start(service);
        var notReady = await fleet.WaitUntilReady(TimeSpan.FromSeconds(120));
        if (notReady.Count > 0)
            return "not ready: " + string.Join(", ", notReady.Select(s => s.Name));
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.PostAsJsonAsync(new Uri(ServiceCatalog.All[0].BaseAddress, "/replay"),
                new { path = sessionDir, sessionDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), speed = 0 });
            if (!response.IsSuccessStatusCode)
                return $"the replay was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        if (!await DemoCommand.WaitForSession(new ReplayProgress(infra), session, TimeSpan.FromMinutes(15)))
            return "timed out waiting for the session";
        var codes = await fleet.StopAll(TimeSpan.FromSeconds(20));
        return codes.All(c => c.ExitCode == 0) ? null : "a service exited with an error: " + string.Join(", ", codes.Where(c => c.ExitCode != 0).Select(c => c.Service.Name));
    }
}
