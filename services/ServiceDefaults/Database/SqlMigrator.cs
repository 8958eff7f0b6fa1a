using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Tradewire.ServiceDefaults.Database;

/// <summary>
/// Applies the SQL migrations embedded in ServiceDefaults (shared tables: inbox, outbox, probe) and in the
/// service's own assembly (<c>Migrations/*.sql</c>), in name order, each once, all in one transaction under a
/// PostgreSQL advisory lock: two replicas starting together, or a rerun, are safe. A migration that was
/// changed after it was applied is refused (checksum), because the database no longer matches its file.
/// </summary>
public sealed class SqlMigrator(string connectionString, ILogger logger)
{
    const long AdvisoryLockKey = 0x7472_6164_6577_6972; // "tradewir"

    public sealed record Migration(string Id, string Sql)
    {
        public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    /// <summary>The migrations of ServiceDefaults followed by those of <paramref name="serviceAssembly"/>.</summary>
    public static IReadOnlyList<Migration> Discover(Assembly serviceAssembly) =>
        Load(typeof(SqlMigrator).Assembly).Concat(serviceAssembly == typeof(SqlMigrator).Assembly ? [] : Load(serviceAssembly)).ToList();

    static IEnumerable<Migration> Load(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(".Migrations.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var id = n[(n.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..^".sql".Length];
                return new Migration($"{assembly.GetName().Name}/{id}", reader.ReadToEnd());
            });

    /// <summary>Applies what is missing; returns the ids applied by this call.</summary>
    public async Task<IReadOnlyList<string>> Apply(IReadOnlyList<Migration> migrations, CancellationToken token = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var tx = await connection.BeginTransactionAsync(token);
        await Execute(connection, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", token);
        await Execute(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """, token);

        var applied = new Dictionary<string, string>();
        await using (var cmd = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(token))
            while (await reader.ReadAsync(token))
                applied[reader.GetString(0)] = reader.GetString(1);

        var done = new List<string>();
        foreach (var m in migrations)
        {
            if (applied.TryGetValue(m.Id, out var checksum))
            {
                if (checksum != m.Checksum)
                    throw new InvalidOperationException($"Migration {m.Id} was changed after it was applied; add a new migration instead.");
                continue;
            }
            await Execute(connection, tx, m.Sql, token);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)", connection, tx);
            record.Parameters.AddWithValue(m.Id);
            record.Parameters.AddWithValue(m.Checksum);
            await record.ExecuteNonQueryAsync(token);
            done.Add(m.Id);
            logger.LogInformation("Applied migration {Migration}", m.Id);
        }
        await tx.CommitAsync(token);
        return done;
    }

    static async Task Execute(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken token)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync(token);
    }
}
