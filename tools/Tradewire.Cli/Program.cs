using Tradewire.Cli;

// ./tradewire <command>: a thin operator front over scripts and the .NET services.
const string Usage = """
    usage: ./tradewire <command> [args]

      demo [--date yyyy-MM-dd]  replay the sample session through all seven services (as the latest completed
                                session unless --date), print the report,
                                stop the services (RabbitMQ and PostgreSQL keep running for inspection)
      up [--feed replay|simulated|alpaca] [--session DIR] [--speed N] [--date yyyy-MM-dd] [--opens-in S]
                                start the seven services in the background, supervised (restarted when they die)
      status                    readiness, session progress per stage, feed, trading state, restarts
      down                      stop the services in pipeline order, then the supervisor (safe to run twice)
      replay DIR [--date yyyy-MM-dd] [--speed N]
                                replay a recorded session into the running services (./tradewire <command> --help)
      test [dotnet test args]   run the test suite against the local infrastructure (started if needed)
      infra up|down|status      local RabbitMQ and PostgreSQL (state in .tradewire/)
      psql <service> [args]     psql on that service's database (services: {0})
      logs <service> [-f]       the service's log from the last demo or run
      burnin-report [--date yyyy-MM-dd] [--out FILE] [--heat-cap PERCENT]
                                the burn-in plan's report for a session (HTML: MAE/MFE, P&L, heat, risk events)
      verify                    the burn-in plan's pre-open check: configuration, RabbitMQ, databases and migrations, services ready
      smoke [--metrics-path /metrics]   the burn-in plan's smoke test on a running system: endpoints, metrics, kill switch (PAPER), ids
      burnin check [--date yyyy-MM-dd]  the burn-in plan's daily requirements on a running system: PASS/FAIL each, GO/NO-GO
      burnin gates [--drills-passed]    which of the burn-in gates 1-4 the recorded days pass, and why not
      outcomes [--date yyyy-MM-dd]      label the day's executions and skipped recommendations: forward returns, stop/target first, MAE/MFE, regime
      shakedown [--days 7] [--date yyyy-MM-dd]
                                the shakedown plan's daily checks and day-7 questions, and the week's baseline (saved, compared)
      dispatcher-config [get | set JSON]
                                read or change the running dispatcher's configuration (validated; history kept)
      broker get|post PATH [JSON]
                                the running broker-gateway's control API: /risk /positions /metrics /flatten /pause /resume
      bench [--sizes 36,150,500] [--paced-speed N] [--paced-minutes M]
                                the benchmark (bench/README.md): sessions through the real services, figures and targets
      bench-kill [--brackets 50] [--rounds 20]
                                the kill switch timed with N open PAPER brackets against the real broker-gateway
      drill [--kills 20] [--interval 3] [--seed 1] [--only all|broker]
                                the fault drill: kills, broker and database restarts, late redelivery; ledger must not change;
                                then broker faults on the LIVE path against a local Alpaca-protocol venue
      spans DIR                 where each hop's latency goes, from the span files services write with Telemetry__SpanDirectory=DIR
      rollback [--gateway URL] [--dispatcher URL|none] [--flat-timeout S]
                                LIVE to PAPER: pause, flatten, switch to PAPER, dispatcher follows; each step checked
      reconcile                 run scripts/reconcile_db.sql on the broker-gateway's database (each check: 0 rows)
      sample-session [--seed N] [--date yyyy-MM-dd] [--out DIR]
                                regenerate the sample session (data/sample-session) from its seed
      realmarket [--data DIR] [--symbol SPY] (--date yyyy-MM-dd ... | --all)
                                replay real minute bars (NinjaTrader files; default the 2011 SPY bars) through the seven
                                services, each day on a fresh system: signals by rule, confidence, gate refusals, executions
    """;

var paths = RepoPaths.Locate();
var services = string.Join(", ", ServiceCatalog.All.Select(s => s.Name));
if (args.Length == 0)
    return UsageError("missing command");
if (Tradewire.Cli.Operate.OperateCommands.Names.Contains(args[0]))
    return await Tradewire.Cli.Operate.OperateCommands.Invoke(paths, args);

try
{
    return args[0] switch
    {
        "demo" => await DemoCommand.Run(paths, args[1..]),
        "test" => await TestCommand.Run(paths, args[1..]),
        "infra" when args.Length == 2 && args[1] is "up" or "down" or "status" =>
            await Shell.Run("bash", [paths.InfraScript, args[1]], paths.Root),
        "psql" when args.Length >= 2 => await PsqlCommand.Run(paths, args[1], args[2..]),
        "logs" when args.Length is 2 or 3 && (args.Length == 2 || args[2] == "-f") => await LogsCommand.Run(paths, args[1], args.Length == 3),
        "burnin-report" => await BurnInCommand.Run(paths, args[1..]),
        "verify" when args.Length == 1 => await Tradewire.Cli.BurnIn.VerifyCommand.Run(paths),
        "burnin" => await Tradewire.Cli.BurnIn.BurnInCliCommand.Run(paths, args[1..]),
        "outcomes" => await Tradewire.Cli.Outcomes.OutcomesCommand.Run(paths, args[1..]),
        "smoke" => await Tradewire.Cli.Smoke.SmokeCommand.Run(paths, args[1..]),
        "shakedown" => await Tradewire.Cli.Shakedown.ShakedownCommand.Run(paths, args[1..]),
        "dispatcher-config" => await ControlCommand.DispatcherConfig(paths, args[1..]),
        "broker" => await ControlCommand.Broker(paths, args[1..]),
        "bench" => await Tradewire.Cli.Bench.BenchCommand.Run(paths, args[1..]),
        "bench-kill" => await Tradewire.Cli.Bench.KillSwitchBench.Run(paths, args[1..]),
        "drill" => await Tradewire.Cli.Drill.DrillCommand.Run(paths, args[1..]),
        "spans" => Tradewire.Cli.Bench.SpanHops.Run(args[1..]),
        "rollback" => await Tradewire.Cli.Rollback.RollbackCommand.Run(paths, args[1..]),
        "reconcile" when args.Length == 1 => await ReconcileCommand(paths),
        "sample-session" => SampleSessionCommand.Run(paths, args[1..]),
        "realmarket" => await Tradewire.Cli.RealMarket.RealMarketCommand.Run(paths, args[1..]),
        "help" or "--help" or "-h" => PrintUsage(Console.Out, 0),
        _ => UsageError($"unknown command or bad arguments: {string.Join(' ', args)}"),
    };
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine("tradewire: " + e.Message);
    return 1;
}

static async Task<int> ReconcileCommand(RepoPaths paths)
{
    var results = await Reconcile.Run(paths, new ReplayProgress(InfraEnvironment.Load(paths)).For("broker-gateway"));
    foreach (var r in results)
        Console.WriteLine($"   {(r.Rows == 0 ? "ok  " : "FAIL")}  {r.Rows,4} rows  {r.Name}");
    return results.All(r => r.Rows == 0) ? 0 : 1;
}

int UsageError(string why)
{
    Console.Error.WriteLine("tradewire: " + why);
    return PrintUsage(Console.Error, 2);
}

int PrintUsage(TextWriter to, int code)
{
    to.WriteLine(string.Format(Usage, services));
    return code;
}
