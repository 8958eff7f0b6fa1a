using Npgsql;

namespace Tradewire.Cli;

/// <summary><c>psql</c> on one service's database as that service's user, like the runbook's <c>psql $DATABASE_URL</c>.</summary>
public static class PsqlCommand
{
    public static async Task<int> Run(RepoPaths paths, string serviceName, string[] extra)
    {
        var service = ServiceCatalog.Find(serviceName)
            ?? throw new InvalidOperationException($"unknown service '{serviceName}'; one of: {string.Join(", ", ServiceCatalog.All.Select(s => s.Name))}");
        var cs = new NpgsqlConnectionStringBuilder(InfraEnvironment.Load(paths).ServiceConnectionString(service));
        return await Shell.Run("psql", ["-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username!, "-d", cs.Database!, .. extra],
            environment: new Dictionary<string, string> { ["PGPASSWORD"] = cs.Password! });
    }
}
