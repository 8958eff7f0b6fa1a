using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.ServiceDefaults.Sequencing;

/// <summary>
/// A minute-driven engine's state, one JSON row per session in a table shaped
/// <c>(session_date date PRIMARY KEY, last_minute timestamptz, state jsonb)</c>, read and written in the
/// consumer's transaction, so the state moves exactly with the minutes the sequencer hands out and a restarted
/// service continues identically.
/// </summary>
public static class SessionStateStore
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="table">The service's state table (a constant of its code, never user input).</param>
    public static async Task<T?> Load<T>(DbContext db, string table, DateOnly sessionDate, CancellationToken token) where T : class
    {
        var (connection, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand($"SELECT state::text FROM {table} WHERE session_date = $1", connection, tx);
        cmd.Parameters.AddWithValue(sessionDate);
        return await cmd.ExecuteScalarAsync(token) is string json ? JsonSerializer.Deserialize<T>(json, Json) : null;
    }

    public static async Task Save<T>(DbContext db, string table, DateOnly sessionDate, DateTimeOffset lastMinute, T state, CancellationToken token)
    {
        var (connection, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO {table} (session_date, last_minute, state) VALUES ($1, $2, $3)
            ON CONFLICT (session_date) DO UPDATE SET last_minute = EXCLUDED.last_minute, state = EXCLUDED.state
            """, connection, tx);
        cmd.Parameters.AddWithValue(sessionDate);
        cmd.Parameters.AddWithValue(lastMinute);
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(state, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync(token);
    }
}
