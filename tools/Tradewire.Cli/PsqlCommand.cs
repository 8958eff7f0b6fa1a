using System.CommandLine;
using Npgsql;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli;

/// <summary><c>psql</c> on one service's database as that service's user, like the runbook's <c>psql $DATABASE_URL</c>.</summary>
public static class PsqlCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var service = CliOptions.Service();
        // Arguments after the service go to psql as they are (e.g. -c "SELECT ..."), so they are not parsed here.
        var command = new Command("psql", "psql on that service's database, as the service's user; further arguments go to psql") { service };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(r => Run(paths, r.GetValue(service)!, [.. r.UnmatchedTokens]));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, ServiceInfo service, string[] extra)
    {
        var cs = new NpgsqlConnectionStringBuilder(InfraEnvironment.Load(paths).ServiceConnectionString(service));
        return await Shell.Run("psql", ["-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username!, "-d", cs.Database!, .. extra],
            environment: new Dictionary<string, string> { ["PGPASSWORD"] = cs.Password! });
    }
}
