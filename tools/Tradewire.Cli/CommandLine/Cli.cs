using System.CommandLine;
using Tradewire.Cli.BurnIn;
using Tradewire.Cli.Operate;

namespace Tradewire.Cli.CommandLine;

/// <summary>
/// Every <c>./tradewire</c> command, parsed by System.CommandLine: <c>./tradewire --help</c> lists them in the order
/// an operator meets them, <c>./tradewire &lt;command&gt; --help</c> explains one, and a bad argument is refused
/// with the reason (exit code 1) before anything runs. Each command defines its own arguments next to the code that
/// uses them.
/// </summary>
public static class Cli
{
    public static async Task<int> Invoke(RepoPaths paths, string[] args)
    {
        var root = new RootCommand("Tradewire: a paper-trading-first trading pipeline of seven services (README.md is the operator's guide)");
        Command[] commands =
        [
            DemoCommand.Definition(paths), .. OperateCommands.All(paths), TestCommand.Definition(paths), Infra(paths),
            PsqlCommand.Definition(paths), LogsCommand.Definition(paths), BurnInCommand.Definition(paths), VerifyCommand.Definition(paths),
            Smoke.SmokeCommand.Definition(paths), BurnInCliCommand.Definition(paths), Outcomes.OutcomesCommand.Definition(paths),
            Shakedown.ShakedownCommand.Definition(paths), ControlCommand.DispatcherConfig(paths), ControlCommand.Broker(paths),
            Bench.BenchCommand.Definition(paths), Bench.StartupBench.Definition(paths), Bench.KillSwitchBench.Definition(paths), Drill.DrillCommand.Definition(paths),
            Bench.SpanHops.Definition(), Rollback.RollbackCommand.Definition(paths), ReconcileCommand(paths), SampleSessionCommand.Definition(paths), RealMarket.RealMarketCommand.Definition(paths),
        ];
        foreach (var command in commands)
            root.Subcommands.Add(command);
        try
        {
            // Errors are ours to print (the reason, no stack trace); signals are the supervisor's to handle.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"tradewire {args.FirstOrDefault()}: {e.Message}");
            return 1;
        }
    }

    static Command Infra(RepoPaths paths)
    {
        var action = new Argument<string>("ACTION") { Description = "up, down or status" };
        action.AcceptOnlyFromAmong("up", "down", "status");
        var command = new Command("infra", "local RabbitMQ and PostgreSQL (state in .tradewire/)") { action };
        command.SetAction(r => Shell.Run("bash", [paths.InfraScript, r.GetValue(action)!], paths.Root));
        return command;
    }

    static Command ReconcileCommand(RepoPaths paths)
    {
        var command = new Command("reconcile", "run scripts/reconcile_db.sql on the broker-gateway's database (each check: 0 rows)");
        command.SetAction(async _ =>
        {
            var results = await Reconcile.Run(paths, new ReplayProgress(InfraEnvironment.Load(paths)).For("broker-gateway"));
            foreach (var r in results)
                Console.WriteLine($"   {(r.Rows == 0 ? "ok  " : "FAIL")}  {r.Rows,4} rows  {r.Name}");
            return results.All(r => r.Rows == 0) ? 0 : 1;
        });
        return command;
    }
}
