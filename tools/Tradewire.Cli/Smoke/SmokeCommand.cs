namespace Tradewire.Cli.Smoke;

/// <summary>
/// <c>./tradewire smoke [--metrics-path /metrics] [--token T]</c>: the smoke test (<see cref="SmokeCheck"/>) on the
/// running system, local or remote (<see cref="SystemTarget"/>). Exit code 1 on any FAIL.
/// </summary>
public static class SmokeCommand
{
    const string Usage = "usage: ./tradewire smoke [--metrics-path /metrics] [--token T]";

    public static async Task<int> Run(RepoPaths paths, string[] args)
    {
        string? token = null;
        var metricsPath = "/metrics";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new InvalidOperationException(Usage);
            switch (args[i])
            {
                case "--metrics-path": metricsPath = args[i + 1].StartsWith('/') ? args[i + 1] : throw new InvalidOperationException("--metrics-path must start with /"); break;
                case "--token": token = args[i + 1]; break;
                default: throw new InvalidOperationException(Usage);
            }
        }
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
