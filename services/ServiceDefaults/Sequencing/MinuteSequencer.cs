using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.ServiceDefaults.Sequencing;

/// <summary>
/// Joins a service's per-minute input streams and hands out complete minutes strictly in market-time order,
/// each exactly once. Every minute-driven consumer offers the message it received; the sequencer stores it
/// (<c>minute_inputs</c>) and returns the minutes that are now complete, starting at the session's cursor
/// (<c>minute_cursor</c>). Whatever order messages arrive in (prefetch, retries, a restart, two producers), the
/// service acts on the same minutes with the same inputs in the same order, which is what makes a replayed
/// session produce the same ledger every time.
/// </summary>
/// <remarks>
/// Runs inside the consumer's transaction (the outbox's): the inbox stops a redelivered message before it is
/// offered twice, and the cursor's row lock serializes consumers of different streams, so of two transactions
/// offering the last two inputs of a minute exactly one sees it complete (the later one to take the lock, which
/// then sees the other's committed row).
/// </remarks>
public sealed class MinuteSequencer<TDbContext>(TDbContext db, IMarketCalendar calendar) where TDbContext : DbContext
{
    /// <summary>Stores <paramref name="payload"/> as the <paramref name="stream"/> input of the minute and returns the minutes now complete.</summary>
    /// <exception cref="InvalidOperationException">The minute is outside its session, or the stream already has a different input for it.</exception>
    public async Task<IReadOnlyList<CompletedMinute>> Offer<T>(string stream, DateOnly sessionDate, DateTimeOffset minute, T payload,
        IReadOnlyCollection<string> requiredStreams, CancellationToken token = default)
    {
        if (!requiredStreams.Contains(stream))
            throw new ArgumentException($"Stream '{stream}' is not one of the required streams.", nameof(stream));
        var session = calendar.GetSession(sessionDate)
            ?? throw new InvalidOperationException($"{sessionDate:yyyy-MM-dd} has no trading session.");
        if (minute.Offset != TimeSpan.Zero || minute.Ticks % TimeSpan.TicksPerMinute != 0 || !session.Contains(minute))
            throw new InvalidOperationException($"Minute {minute:O} is not a whole UTC minute of the {sessionDate:yyyy-MM-dd} session.");

        var (connection, tx) = Connection();
        var (next, closesAt) = await LockCursor(connection, tx, session, token);
        if (minute < next)
            return []; // already acted on (a redelivery after the inbox window): nothing to do, nothing to store

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO minute_inputs (stream, minute, session_date, payload) VALUES ($1, $2, $3, $4)
            ON CONFLICT (stream, minute) DO NOTHING
            """, connection, tx))
        {
            insert.Parameters.AddWithValue(stream);
            insert.Parameters.AddWithValue(minute);
            insert.Parameters.AddWithValue(sessionDate);
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(payload, MinuteSequencerJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
            // A second, different message for a stream-minute is an upstream defect; the first one stays authoritative.
            await insert.ExecuteNonQueryAsync(token);
        }

        var completed = new List<CompletedMinute>();
        while (next < closesAt)
        {
            var inputs = await Inputs(connection, tx, next, token);
            if (!requiredStreams.All(inputs.ContainsKey))
                break;
            completed.Add(new CompletedMinute(sessionDate, next, next.AddMinutes(1) == closesAt, inputs));
            next = next.AddMinutes(1);
        }
        if (completed.Count > 0)
            await Advance(connection, tx, sessionDate, completed, next, token);
        return completed;
    }

    /// <summary>The next minute the service will act on in the session, or null if it has not started it.</summary>
    public async Task<DateTimeOffset?> NextMinute(DateOnly sessionDate, CancellationToken token = default)
    {
        var (connection, tx) = Connection();
        await using var cmd = new NpgsqlCommand("SELECT next_minute FROM minute_cursor WHERE session_date = $1", connection, tx);
        cmd.Parameters.AddWithValue(sessionDate);
        return await cmd.ExecuteScalarAsync(token) is DateTime value ? new DateTimeOffset(value, TimeSpan.Zero) : null;
    }

    (NpgsqlConnection, NpgsqlTransaction) Connection()
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The minute sequencer must run inside the consumer's transaction.");
        return ((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
    }

    static async Task<(DateTimeOffset Next, DateTimeOffset ClosesAt)> LockCursor(NpgsqlConnection connection, NpgsqlTransaction tx,
        TradingSession session, CancellationToken token)
    {
        await using (var create = new NpgsqlCommand("""
            INSERT INTO minute_cursor (session_date, next_minute, closes_at) VALUES ($1, $2, $3)
            ON CONFLICT (session_date) DO NOTHING
            """, connection, tx))
        {
            create.Parameters.AddWithValue(session.Date);
            create.Parameters.AddWithValue(session.OpenUtc);
            create.Parameters.AddWithValue(session.CloseUtc);
            await create.ExecuteNonQueryAsync(token);
        }
        await using var select = new NpgsqlCommand(
            "SELECT next_minute, closes_at FROM minute_cursor WHERE session_date = $1 FOR UPDATE", connection, tx);
        select.Parameters.AddWithValue(session.Date);
        await using var reader = await select.ExecuteReaderAsync(token);
        await reader.ReadAsync(token);
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    static async Task<Dictionary<string, JsonElement>> Inputs(NpgsqlConnection connection, NpgsqlTransaction tx, DateTimeOffset minute,
        CancellationToken token)
    {
        await using var cmd = new NpgsqlCommand("SELECT stream, payload::text FROM minute_inputs WHERE minute = $1", connection, tx);
        cmd.Parameters.AddWithValue(minute);
        var inputs = new Dictionary<string, JsonElement>();
        await using var reader = await cmd.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            inputs[reader.GetString(0)] = JsonDocument.Parse(reader.GetString(1)).RootElement.Clone();
        return inputs;
    }

    static async Task Advance(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly sessionDate,
        List<CompletedMinute> completed, DateTimeOffset next, CancellationToken token)
    {
        await using (var cursor = new NpgsqlCommand("""
            UPDATE minute_cursor SET next_minute = $2, minutes_done = minutes_done + $3, updated_at = now() WHERE session_date = $1
            """, connection, tx))
        {
            cursor.Parameters.AddWithValue(sessionDate);
            cursor.Parameters.AddWithValue(next);
            cursor.Parameters.AddWithValue(completed.Count);
            await cursor.ExecuteNonQueryAsync(token);
        }
        await using (var progress = new NpgsqlCommand("""
            INSERT INTO minute_progress (minute, session_date, acted_at) SELECT m, $2, clock_timestamp() FROM unnest($1::timestamptz[]) AS m
            ON CONFLICT (minute) DO NOTHING
            """, connection, tx))
        {
            progress.Parameters.AddWithValue(completed.Select(c => c.Minute.UtcDateTime).ToArray());
            progress.Parameters.AddWithValue(sessionDate);
            await progress.ExecuteNonQueryAsync(token);
        }
        // The inputs are the upstream's messages; once acted on, the service's own tables hold what matters.
        await using var delete = new NpgsqlCommand("DELETE FROM minute_inputs WHERE minute = ANY($1)", connection, tx);
        delete.Parameters.AddWithValue(completed.Select(c => c.Minute.UtcDateTime).ToArray());
        await delete.ExecuteNonQueryAsync(token);
    }
}
