using System.CommandLine;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// <c>./tradewire burnin check [--date yyyy-MM-dd]</c> and <c>./tradewire burnin gates [--drills-passed]</c>.
/// Local by default (the services' databases from .tradewire/env, their local URLs, the local operator token);
/// against a remote system: TRADEWIRE_BROKER_GATEWAY_URL, TRADEWIRE_DISPATCHER_URL, TRADEWIRE_OPERATOR_TOKEN and
/// TRADEWIRE_DB_SIGNAL / TRADEWIRE_DB_DISPATCHER / TRADEWIRE_DB_BROKER_GATEWAY (connection strings), or the
/// options --broker-url, --dispatcher-url, --token.
/// </summary>
public static class BurnInCliCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var date = CliOptions.Date("the trading date (default: the latest session in the data)");
        var brokerUrl = CliOptions.Url("--broker-url", "the broker-gateway (default: TRADEWIRE_BROKER_GATEWAY_URL, else the local one)");
        var dispatcherUrl = CliOptions.Url("--dispatcher-url", "the dispatcher (default: TRADEWIRE_DISPATCHER_URL, else the local one)");
        var token = CliOptions.Token();
        var check = new Command("check", "the burn-in plan's daily requirements on a running system: PASS/FAIL each, GO/NO-GO") { date, brokerUrl, dispatcherUrl, token };
        check.SetAction(r => Check(paths, r.GetValue(date), r.GetValue(brokerUrl), r.GetValue(dispatcherUrl), r.GetValue(token)));
        var drillsPassed = new Option<bool>("--drills-passed") { Description = "the failure drills of gate 4 were run and passed" };
        var gates = new Command("gates", "which of the burn-in gates 1-4 the recorded days pass, and why not") { drillsPassed };
        gates.SetAction(r => Gates(paths, r.GetValue(drillsPassed)));
        return new Command("burnin", "the burn-in plan's daily check and its gates") { check, gates };
    }

    static async Task<int> Check(RepoPaths paths, DateOnly? day, Uri? brokerUrl, Uri? dispatcherUrl, string? token)
    {
        var db = Databases(paths);
        var limits = await BurnInLimits.Fetch(
            brokerUrl ?? Url("TRADEWIRE_BROKER_GATEWAY_URL", "broker-gateway"),
            dispatcherUrl ?? Url("TRADEWIRE_DISPATCHER_URL", "dispatcher"),
            token ?? Environment.GetEnvironmentVariable("TRADEWIRE_OPERATOR_TOKEN") ?? OperatorToken.LoadOrCreate(paths));
        var date = day ?? await BurnInCheck.LatestSession(db);
        return (await BurnInCheck.Run(db, limits, date, Reports(paths), Console.Out)).Go ? 0 : 1;
    }

    static int Gates(RepoPaths paths, bool drillsPassed)
    {
        var reports = Reports(paths);
        var days = DayResult.ReadAll(reports);
        Console.WriteLine($"burn-in gates over {days.Count} recorded days in {reports}: {string.Join(", ", days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Verdict}"))}");
        var gates = BurnInGates.Evaluate(days, drillsPassed);
        foreach (var g in gates)
        {
            Console.WriteLine($"   gate {g.Number} ({g.Name}): {(g.Passed ? "PASSED" : "NOT PASSED")}");
            foreach (var why in g.WhyNot)
                Console.WriteLine($"      - {why}");
        }
        return gates.All(g => g.Passed) ? 0 : 1;
    }

    static string Reports(RepoPaths paths) => Path.Combine(paths.StateDir, "reports");

    static Uri Url(string variable, string service) =>
        new(Environment.GetEnvironmentVariable(variable) ?? ServiceCatalog.Find(service)!.BaseAddress.ToString());

    /// <summary>A service's database: TRADEWIRE_DB_&lt;SERVICE&gt; when set (a remote system), else the local one.</summary>
    public static Func<string, Db> Databases(RepoPaths paths)
    {
        var local = new Lazy<ReplayProgress>(() => new ReplayProgress(InfraEnvironment.Load(paths)));
        return service => Environment.GetEnvironmentVariable("TRADEWIRE_DB_" + service.Replace('-', '_').ToUpperInvariant()) is { Length: > 0 } remote
            ? new Db(remote) : local.Value.For(service);
    }
}
