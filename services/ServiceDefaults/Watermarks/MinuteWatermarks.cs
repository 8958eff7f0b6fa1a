using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tradewire.ServiceDefaults.Watermarks;

/// <summary>
/// Tells a consumer when a market minute is complete, so that it acts on whole minutes regardless of the
/// order in which the minute's messages and its <c>MinuteClosed</c> watermark arrive (table
/// <c>minute_watermarks</c>). Every call runs in the consumer's own transaction (the outbox's): a redelivered
/// message is stopped by the inbox before it can count twice, and the row lock taken by the upsert
/// serializes concurrent consumers of the same minute, so exactly one of them sees the minute complete.
/// </summary>
public sealed class MinuteWatermarks<TDbContext>(TDbContext db) where TDbContext : DbContext
{
    /// <summary>Counts <paramref name="count"/> handled inputs of the minute. True if this call completed it.</summary>
    public Task<bool> Seen(string stream, DateTimeOffset minute, int count = 1) =>
        Upsert(stream, minute, """
            INSERT INTO minute_watermarks (stream, minute, seen) VALUES ($1, $2, $3)
            ON CONFLICT (stream, minute) DO UPDATE SET seen = minute_watermarks.seen + EXCLUDED.seen
            """, count);

    /// <summary>Records the upstream's watermark (expected count). True if this call completed the minute.</summary>
    public Task<bool> Closed(string stream, DateTimeOffset minute, int expected) =>
        Upsert(stream, minute, """
            INSERT INTO minute_watermarks (stream, minute, expected) VALUES ($1, $2, $3)
            ON CONFLICT (stream, minute) DO UPDATE SET expected = EXCLUDED.expected
            WHERE minute_watermarks.expected IS NULL OR minute_watermarks.expected = EXCLUDED.expected
            """, expected);

    async Task<bool> Upsert(string stream, DateTimeOffset minute, string sql, int value)
    {
        if (minute.Offset != TimeSpan.Zero || minute.Second != 0 || minute.Millisecond != 0)
            throw new ArgumentException($"A watermark minute must be a whole UTC minute, got {minute:O}", nameof(minute));
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Minute watermarks must be updated inside the consumer's transaction.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
        try
        {
            await using (var upsert = new NpgsqlCommand(sql, connection, tx))
            {
                upsert.Parameters.AddWithValue(stream);
                upsert.Parameters.AddWithValue(minute);
                upsert.Parameters.AddWithValue(value);
                if (await upsert.ExecuteNonQueryAsync() == 0)
                    throw new InvalidOperationException($"Conflicting watermark for {stream} {minute:O}: a different count was already announced.");
            }
            await using var complete = new NpgsqlCommand("""
                UPDATE minute_watermarks SET completed_at = now()
                WHERE stream = $1 AND minute = $2 AND completed_at IS NULL AND expected IS NOT NULL AND seen = expected
                """, connection, tx);
            complete.Parameters.AddWithValue(stream);
            complete.Parameters.AddWithValue(minute);
            return await complete.ExecuteNonQueryAsync() == 1;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            throw new InvalidOperationException($"More {stream} messages for {minute:O} than its watermark announced.", e);
        }
    }
}
