using System.CommandLine;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.Smoke;

/// <summary>
/// <c>./tradewire smoke [--metrics-path /metrics] [--token T]</c>: the smoke test (<see cref="SmokeCheck"/>) on the
/// running system, local or remote (<see cref="SystemTarget"/>). Exit code 1 on any FAIL.
/// </summary>
public static class SmokeCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var metricsPath = new Option<string>("--metrics-path") { Description = "where every service serves its metrics", DefaultValueFactory = _ => "/metrics" };
        metricsPath.Validators.Add(r => { if (r.GetValueOrDefault<string>()?.StartsWith('/') != true) r.AddError("--metrics-path must start with /"); });
        var token = CliOptions.Token();
        var command = new Command("smoke", "the burn-in plan's smoke test on a running system: endpoints, metrics, kill switch (PAPER), ids") { metricsPath, token };
        command.SetAction(r => Run(paths, r.GetValue(metricsPath)!, r.GetValue(token)));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, string metricsPath, string? token)
    {
        Console.WriteLine("smoke test:");
        try
        {
            var checks = await SmokeCheck.Run(SystemTarget.FromEnvironment(paths, token), Path.Combine(paths.StateDir, "reports"), Console.Out, metricsPath);
            return checks.All(c => c.Passed) ? 0 : 1;
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new InvalidOperationException("smoke test: the broker-gateway's database did not answer: " + e.Message, e);
        }
    }
}
