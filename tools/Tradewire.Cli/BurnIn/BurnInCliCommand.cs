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
    const string Usage = "usage: ./tradewire burnin check [--date yyyy-MM-dd] [--broker-url URL] [--dispatcher-url URL] [--token T] | burnin gates [--drills-passed]";

    public static async Task<int> Run(RepoPaths paths, string[] args)
    {
        var reports = Path.Combine(paths.StateDir, "reports");
        switch (args)
        {
            case ["gates", .. var rest]:
                if (rest is not ([] or ["--drills-passed"]))
                    throw new InvalidOperationException(Usage);
                var days = DayResult.ReadAll(reports);
                Console.WriteLine($"burn-in gates over {days.Count} recorded days in {reports}: {string.Join(", ", days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Verdict}"))}");
                var gates = BurnInGates.Evaluate(days, rest.Length == 1);
                foreach (var g in gates)
                {
                    Console.WriteLine($"   gate {g.Number} ({g.Name}): {(g.Passed ? "PASSED" : "NOT PASSED")}");
                    foreach (var why in g.WhyNot)
                        Console.WriteLine($"      - {why}");
                }
                return gates.All(g => g.Passed) ? 0 : 1;
            case ["check", .. var rest]:
                var options = Options(rest);
                var db = Databases(paths);
                var limits = await BurnInLimits.Fetch(
                    Url(options, "--broker-url", "TRADEWIRE_BROKER_GATEWAY_URL", "broker-gateway"),
                    Url(options, "--dispatcher-url", "TRADEWIRE_DISPATCHER_URL", "dispatcher"),
                    options.GetValueOrDefault("--token") ?? Environment.GetEnvironmentVariable("TRADEWIRE_OPERATOR_TOKEN") ?? OperatorToken.LoadOrCreate(paths));
                var date = options.TryGetValue("--date", out var d) ? BurnInCheck.ParseDate(d) : await BurnInCheck.LatestSession(db);
                return (await BurnInCheck.Run(db, limits, date, reports, Console.Out)).Go ? 0 : 1;
            default:
                throw new InvalidOperationException(Usage);
        }
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--date" or "--broker-url" or "--dispatcher-url" or "--token") || i + 1 >= args.Length)
                throw new InvalidOperationException(Usage);
            options[args[i]] = args[i + 1];
        }
        return options;
    }

    static Uri Url(Dictionary<string, string> options, string option, string variable, string service) =>
        new(options.GetValueOrDefault(option) ?? Environment.GetEnvironmentVariable(variable) ?? ServiceCatalog.Find(service)!.BaseAddress.ToString());

    /// <summary>A service's database: TRADEWIRE_DB_&lt;SERVICE&gt; when set (a remote system), else the local one.</summary>
    public static Func<string, Db> Databases(RepoPaths paths)
    {
        var local = new Lazy<ReplayProgress>(() => new ReplayProgress(InfraEnvironment.Load(paths)));
        return service => Environment.GetEnvironmentVariable("TRADEWIRE_DB_" + service.Replace('-', '_').ToUpperInvariant()) is { Length: > 0 } remote
            ? new Db(remote) : local.Value.For(service);
    }
}
