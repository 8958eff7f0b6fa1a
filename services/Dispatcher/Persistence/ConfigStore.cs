using Microsoft.EntityFrameworkCore;
using Tradewire.Dispatcher.Domain;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dispatcher.Persistence;

/// <summary>
/// <c>dispatcher_config</c>: the row with the highest version is the current configuration, the rest its
/// history. No row yet means <see cref="DispatcherConfig.Defaults"/>.
/// </summary>
static class ConfigStore
{
    public sealed record Current(DispatcherConfig Config, long Version);

    public static async Task<Current> Read(DbContext db, CancellationToken token)
    {
        await using var cmd = db.Command("SELECT config_json::text, version FROM dispatcher_config ORDER BY version DESC LIMIT 1");
        await using var reader = await cmd.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token)
            // Keys missing from an older stored row take their defaults (property initializers).
            ? new Current(DispatcherConfig.FromJson(reader.GetString(0)), reader.GetInt64(1))
            : new Current(DispatcherConfig.Defaults, 0);
    }

    /// <summary>Serializes read-patch-write: taken before <see cref="Read"/>, so two concurrent PUTs never patch the same version.</summary>
    public static Task LockForChange(DbContext db, CancellationToken token) =>
        db.Execute("LOCK TABLE dispatcher_config IN SHARE ROW EXCLUSIVE MODE", token);

    /// <summary>Appends <paramref name="config"/> as the new current version (call under <see cref="LockForChange"/>).</summary>
    public static async Task<long> Save(DbContext db, DispatcherConfig config, string patchJson, CancellationToken token)
    {
        return (await db.Scalar<long>("""
            INSERT INTO dispatcher_config (config_json, config_sha, patch_json) VALUES ($1, $2, $3) RETURNING version
            """, token, DbContextSql.Jsonb(config.ToJson()), config.Sha(), DbContextSql.Jsonb(patchJson)));
    }
}
