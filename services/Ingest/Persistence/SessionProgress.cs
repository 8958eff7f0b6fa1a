using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Ingest.Persistence;

/// <summary>A replay's row in <c>ingest_sessions</c>: where it is, so a restarted ingest resumes after the last minute it committed.</summary>
public sealed record SessionProgress(DateOnly SessionDate, string? ReplayPath, decimal Speed, string Status, DateTimeOffset? LastMinute)
{
    public static async Task<SessionProgress?> Load(IngestDbContext db, DateOnly date, CancellationToken token)
    {
        var (c, tx) = db.InTransactionIfAny();
        await using var cmd = new NpgsqlCommand(
            "SELECT session_date, replay_path, speed, status, last_minute FROM ingest_sessions WHERE session_date = $1 FOR UPDATE", c, tx);
        cmd.Parameters.AddWithValue(date);
        await using var r = await cmd.ExecuteReaderAsync(token);
        return await r.ReadAsync(token) ? Read(r) : null;
    }

    /// <summary>Sessions a replay started and did not finish (resumed at start-up), oldest first.</summary>
    public static async Task<IReadOnlyList<SessionProgress>> Unfinished(IngestDbContext db, CancellationToken token)
    {
        await db.Database.OpenConnectionAsync(token);
        await using var cmd = new NpgsqlCommand(
            "SELECT session_date, replay_path, speed, status, last_minute FROM ingest_sessions WHERE status = 'RUNNING' AND replay_path IS NOT NULL ORDER BY session_date", db.Connection());
        var list = new List<SessionProgress>();
        await using var r = await cmd.ExecuteReaderAsync(token);
        while (await r.ReadAsync(token))
            list.Add(Read(r));
        return list;
    }

    static SessionProgress Read(NpgsqlDataReader r) => new(
        r.GetFieldValue<DateOnly>(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetDecimal(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4));
}
