using System.Text.Json;
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
    /// <exception cref="InvalidOperationException">The minute is outside its session.</exception>
    public Task<IReadOnlyList<CompletedMinute>> Offer<T>(string stream, DateOnly sessionDate, DateTimeOffset minute, T payload,
        IReadOnlyCollection<string> requiredStreams, CancellationToken token = default) =>
        OfferMany(stream, [(sessionDate, minute, payload)], requiredStreams, token);

    /// <summary>
    /// Stores several inputs of <paramref name="stream"/> (a consumer's backlog, taken in one transaction) and returns
    /// the minutes now complete, in market order. One cursor lock and one move per session, whatever the count:
    /// the result is the same as offering the inputs one by one in any order, concatenated.
    /// </summary>
    /// <exception cref="InvalidOperationException">A minute is outside its session; nothing is stored then.</exception>
    public async Task<IReadOnlyList<CompletedMinute>> OfferMany<T>(string stream,
        IReadOnlyList<(DateOnly SessionDate, DateTimeOffset Minute, T Payload)> inputs,
        IReadOnlyCollection<string> requiredStreams, CancellationToken token = default)
    {
        if (!requiredStreams.Contains(stream))
            throw new ArgumentException($"Stream '{stream}' is not one of the required streams.", nameof(stream));
        // Every input is checked before anything is written, so a bad one leaves the database as it was.
        var sessions = new List<(TradingSession Session, List<(DateTimeOffset Minute, T Payload)> Inputs)>();
        foreach (var group in inputs.GroupBy(i => i.SessionDate).OrderBy(g => g.Key))
        {
            var session = calendar.GetSession(group.Key)
                ?? throw new InvalidOperationException($"{group.Key:yyyy-MM-dd} has no trading session.");
            foreach (var (_, minute, _) in group)
                if (minute.Offset != TimeSpan.Zero || minute.Ticks % TimeSpan.TicksPerMinute != 0 || !session.Contains(minute))
                    throw new InvalidOperationException($"Minute {minute:O} is not a whole UTC minute of the {group.Key:yyyy-MM-dd} session.");
            sessions.Add((session, group.Select(i => (i.Minute, i.Payload)).ToList()));
        }

        var completed = new List<CompletedMinute>();
        // Sessions in date order: two consumers locking several cursors take them in the same order.
        foreach (var (session, offered) in sessions)
            completed.AddRange(await OfferSession(stream, session, offered, requiredStreams, token));
        return completed;
    }

    async Task<List<CompletedMinute>> OfferSession<T>(string stream, TradingSession session, List<(DateTimeOffset Minute, T Payload)> offered,
        IReadOnlyCollection<string> requiredStreams, CancellationToken token)
    {
        var (connection, tx) = db.InTransaction();
        var sessionDate = session.Date;
        // Two round trips when the inputs arrive in order: lock the cursor and read what is buffered for them (one
        // batch), then advance (one batch). This runs under the cursor's lock, once per consume and service, so
        // every round trip here is one the whole stage waits for.
        var minutes = offered.Select(o => o.Minute).Distinct().ToArray();
        var (next, closesAt, buffered, laterOfStream) = await LockCursor(connection, tx, session, stream, minutes, token);

        var fresh = new List<(DateTimeOffset Minute, JsonElement Payload)>();
        foreach (var (minute, payload) in offered.OrderBy(o => o.Minute))
        {
            if (minute < next)
                continue; // already acted on (a redelivery after the inbox window): nothing to do, nothing to store
            var json = JsonSerializer.SerializeToElement(payload, MinuteSequencerJson.Options);
            var streams = buffered.TryGetValue(minute, out var existing) ? existing : buffered[minute] = new Dictionary<string, JsonElement>();
            // A second, different message for a stream-minute is an upstream defect; the first one stays authoritative.
            if (streams.TryAdd(stream, json))
                fresh.Add((minute, json));
        }

        var completed = new List<CompletedMinute>();
        // Only an input for the cursor's minute can complete anything: every minute before the first offered one is
        // incomplete, or the cursor would have passed it.
        var actionable = minutes.Contains(next);
        while (actionable && next < closesAt)
        {
            // A minute none of these inputs is for can only have become complete if this stream's input for it
            // arrived earlier (out of order); only then is it worth reading, one minute at a time.
            if (!buffered.ContainsKey(next) && laterOfStream)
                buffered[next] = await Inputs(connection, tx, next, token);
            if (!buffered.TryGetValue(next, out var ready) || !requiredStreams.All(ready.ContainsKey))
                break;
            completed.Add(new CompletedMinute(sessionDate, next, next.AddMinutes(1) == closesAt, ready));
            next = next.AddMinutes(1);
        }

        await using var batch = new NpgsqlBatch(connection, tx);
        var kept = fresh.Where(f => f.Minute >= next).ToList(); // not acted on yet: kept until the minute's other inputs arrive
        if (kept.Count > 0)
            batch.BatchCommands.Add(Command("""
                INSERT INTO minute_inputs (stream, minute, session_date, payload)
                SELECT $1, m, $3, p FROM unnest($2::timestamptz[], $4::jsonb[]) AS i(m, p)
                ON CONFLICT (stream, minute) DO NOTHING
                """, stream, kept.Select(k => k.Minute.UtcDateTime).ToArray(), sessionDate,
                new NpgsqlParameter { Value = kept.Select(k => k.Payload.GetRawText()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb }));
        if (completed.Count > 0)
        {
            var done = completed.Select(c => c.Minute.UtcDateTime).ToArray();
            batch.BatchCommands.Add(Command("""
                UPDATE minute_cursor SET next_minute = $2, minutes_done = minutes_done + $3, updated_at = now() WHERE session_date = $1
                """, sessionDate, next, completed.Count));
            batch.BatchCommands.Add(Command("""
                INSERT INTO minute_progress (minute, session_date, acted_at) SELECT m, $2, clock_timestamp() FROM unnest($1::timestamptz[]) AS m
                ON CONFLICT (minute) DO NOTHING
                """, done, sessionDate));
            // The inputs are the upstream's messages; once acted on, the service's own tables hold what matters.
            batch.BatchCommands.Add(Command("DELETE FROM minute_inputs WHERE minute = ANY($1)", done));
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
    /// inputs of the offered minutes if one of them is the next one, and whether the offering stream has inputs
    /// buffered after the earliest of them.</summary>
    /// <remarks>
    /// Inputs for later minutes than the next cannot complete anything (every minute from the next one up to them
    /// is incomplete, or the cursor would have passed it), so nothing else is read for them. Bounded on purpose: a
    /// stage waiting on a slow stream has hundreds of minutes of its other streams buffered, and reading them on
    /// every message made the step quadratic (measured: 5 s lock waits in the broker-gateway).
    /// </remarks>
    static async Task<(DateTimeOffset Next, DateTimeOffset ClosesAt, Dictionary<DateTimeOffset, Dictionary<string, JsonElement>> Buffered, bool LaterOfStream)>
        LockCursor(NpgsqlConnection connection, NpgsqlTransaction tx, TradingSession session, string stream, DateTimeOffset[] minutes, CancellationToken token)
    {
        var utc = minutes.Select(m => m.UtcDateTime).ToArray();
        while (true)
        {
            await using (var batch = new NpgsqlBatch(connection, tx))
            {
                batch.BatchCommands.Add(Command("SELECT next_minute, closes_at FROM minute_cursor WHERE session_date = $1 FOR UPDATE", session.Date));
                // Read after the lock is held (statements of a batch run in order), so they see every input committed before.
                batch.BatchCommands.Add(Command("""
                    SELECT minute, stream, payload::text FROM minute_inputs
                    WHERE session_date = $1 AND minute = ANY($2) AND minute >= (SELECT next_minute FROM minute_cursor WHERE session_date = $1)
                      AND (SELECT next_minute FROM minute_cursor WHERE session_date = $1) = ANY($2)
                    """, session.Date, utc));
                batch.BatchCommands.Add(Command(
                    "SELECT EXISTS (SELECT 1 FROM minute_inputs WHERE stream = $1 AND minute > $2 AND session_date = $3)", stream, utc.Min(), session.Date));
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
