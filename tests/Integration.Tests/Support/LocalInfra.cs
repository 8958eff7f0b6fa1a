using Npgsql;

namespace Tradewire.Integration.Tests.Support;

/// <summary>The RabbitMQ and PostgreSQL started by <c>scripts/infra.sh up</c> (which <c>./tradewire test</c> runs first).</summary>
public static class LocalInfra
{
    public static RepoPaths Paths { get; } = RepoPaths.Locate(AppContext.BaseDirectory);

    static readonly Lazy<InfraEnvironment> Env = new(() => InfraEnvironment.Load(Paths));
    public static InfraEnvironment Environment => Env.Value;

    /// <summary>Creates an empty throwaway database; returns a connection string to it (admin user).</summary>
    public static async Task<string> CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(Environment.AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return Environment.AdminConnectionString(name);
    }

    public static async Task<T> Scalar<T>(string connectionString, string sql, params object[] parameters)
    {
        // Unpooled: tests query hundreds of throwaway databases, and a pool per database would keep idle connections open.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            cmd.Parameters.AddWithValue(p);
        var result = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(result!, typeof(T));
    }

    public static Task<long> Count(string connectionString, string sql, params object[] parameters) =>
        Scalar<long>(connectionString, sql, parameters);
}
