using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tradewire.ServiceDefaults.Database;
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

        var (connection, tx) = db.InTransaction();
        // Two round trips when the minute arrives in order: lock the cursor and read what is buffered from it on
        // (one batch), then advance (one batch). This runs under the cursor's lock, once per message and service,
        // so every round trip here is one the whole stage waits for.
        var (next, closesAt, buffered, laterOfStream) = await LockCursor(connection, tx, session, stream, minute, token);
        if (minute < next)
            return []; // already acted on (a redelivery after the inbox window): nothing to do, nothing to store

        var offered = JsonSerializer.SerializeToElement(payload, MinuteSequencerJson.Options);
        var inputs = buffered.TryGetValue(minute, out var existing) ? existing : buffered[minute] = new Dictionary<string, JsonElement>();
        // A second, different message for a stream-minute is an upstream defect; the first one stays authoritative.
        var isNew = inputs.TryAdd(stream, offered);

        var completed = new List<CompletedMinute>();
        var actionable = minute == next;
        while (actionable && next < closesAt)
        {
            // Past the offered minute, a minute can only have become complete if this stream's input for it arrived
            // earlier (out of order); only then is it worth reading, one minute at a time.
            if (next > minute && laterOfStream && !buffered.ContainsKey(next))
                buffered[next] = await Inputs(connection, tx, next, token);
            if (!buffered.TryGetValue(next, out var ready) || !requiredStreams.All(ready.ContainsKey))
                break;
            completed.Add(new CompletedMinute(sessionDate, next, next.AddMinutes(1) == closesAt, ready));
            next = next.AddMinutes(1);
        }

        await using var batch = new NpgsqlBatch(connection, tx);
        if (isNew && minute >= next) // not acted on yet: keep it until the minute's other inputs arrive
            batch.BatchCommands.Add(Command("""
                INSERT INTO minute_inputs (stream, minute, session_date, payload) VALUES ($1, $2, $3, $4)
                ON CONFLICT (stream, minute) DO NOTHING
                """, stream, minute, sessionDate, new NpgsqlParameter { Value = offered.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb }));
        if (completed.Count > 0)
        {
            var minutes = completed.Select(c => c.Minute.UtcDateTime).ToArray();
            batch.BatchCommands.Add(Command("""
                UPDATE minute_cursor SET next_minute = $2, minutes_done = minutes_done + $3, updated_at = now() WHERE session_date = $1
                """, sessionDate, next, completed.Count));
            batch.BatchCommands.Add(Command("""
                INSERT INTO minute_progress (minute, session_date, acted_at) SELECT m, $2, clock_timestamp() FROM unnest($1::timestamptz[]) AS m
                ON CONFLICT (minute) DO NOTHING
                """, minutes, sessionDate));
            // The inputs are the upstream's messages; once acted on, the service's own tables hold what matters.
            batch.BatchCommands.Add(Command("DELETE FROM minute_inputs WHERE minute = ANY($1)", minutes));
        }
        if (batch.BatchCommands.Count > 0)
            await batch.ExecuteNonQueryAsync(token);
        return completed;
    }

    /// <summary>The next minute the service will act on in the session, or null if it has not started it.</summary>
    public async Task<DateTimeOffset?> NextMinute(DateOnly sessionDate, CancellationToken token = default)
    {
        var (connection, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("SELECT next_minute FROM minute_cursor WHERE session_date = $1", connection, tx);
        cmd.Parameters.AddWithValue(sessionDate);
        return await cmd.ExecuteScalarAsync(token) is DateTime value ? new DateTimeOffset(value, TimeSpan.Zero) : null;
    }


    /// <summary>Locks the session's cursor (creating it on the session's first message), reads the other streams'
    /// inputs of the offered minute if it is the next one, and whether the offering stream has inputs buffered after it.</summary>
    /// <remarks>
    /// An input for a later minute than the next cannot complete anything (every minute from the next one up to it
    /// is incomplete, or the cursor would have passed it), so nothing else is read for it. Bounded on purpose: a
    /// stage waiting on a slow stream has hundreds of minutes of its other streams buffered, and reading them on
    /// every message made the step quadratic (measured: 5 s lock waits in the broker-gateway).
    /// </remarks>
    static async Task<(DateTimeOffset Next, DateTimeOffset ClosesAt, Dictionary<DateTimeOffset, Dictionary<string, JsonElement>> Buffered, bool LaterOfStream)>
        LockCursor(NpgsqlConnection connection, NpgsqlTransaction tx, TradingSession session, string stream, DateTimeOffset minute, CancellationToken token)
    {
        while (true)
        {
            await using (var batch = new NpgsqlBatch(connection, tx))
            {
                batch.BatchCommands.Add(Command("SELECT next_minute, closes_at FROM minute_cursor WHERE session_date = $1 FOR UPDATE", session.Date));
                // Read after the lock is held (statements of a batch run in order), so they see every input committed before.
                batch.BatchCommands.Add(Command("""
                    SELECT minute, stream, payload::text FROM minute_inputs
                    WHERE session_date = $1 AND minute = $2 AND minute = (SELECT next_minute FROM minute_cursor WHERE session_date = $1)
                    """, session.Date, minute));
                batch.BatchCommands.Add(Command(
                    "SELECT EXISTS (SELECT 1 FROM minute_inputs WHERE stream = $1 AND minute > $2 AND session_date = $3)", stream, minute, session.Date));
                await using var reader = await batch.ExecuteReaderAsync(token);
                if (await reader.ReadAsync(token))
                {
                    var next = reader.GetFieldValue<DateTimeOffset>(0);
                    var closesAt = reader.GetFieldValue<DateTimeOffset>(1);
                    await reader.NextResultAsync(token);
                    var buffered = new Dictionary<DateTimeOffset, Dictionary<string, JsonElement>>();
                    while (await reader.ReadAsync(token))
                    {
                        var at = reader.GetFieldValue<DateTimeOffset>(0);
                        if (!buffered.TryGetValue(at, out var streams))
                            buffered[at] = streams = new Dictionary<string, JsonElement>();
                        streams[reader.GetString(1)] = JsonDocument.Parse(reader.GetString(2)).RootElement.Clone();
                    }
                    await reader.NextResultAsync(token);
                    await reader.ReadAsync(token);
                    return (next, closesAt, buffered, reader.GetBoolean(0));
                }
            }
            // The session's first message at this service: create the cursor (a concurrent creator is harmless), then lock it.
            await using var create = new NpgsqlCommand("""
                INSERT INTO minute_cursor (session_date, next_minute, closes_at) VALUES ($1, $2, $3)
                ON CONFLICT (session_date) DO NOTHING
                """, connection, tx);
            create.Parameters.AddWithValue(session.Date);
            create.Parameters.AddWithValue(session.OpenUtc);
            create.Parameters.AddWithValue(session.CloseUtc);
            await create.ExecuteNonQueryAsync(token);
        }
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

    static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
            command.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg });
        return command;
    }
}
