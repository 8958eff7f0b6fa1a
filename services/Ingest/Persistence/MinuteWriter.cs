using System.Text.Json;
using Npgsql;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Ingest.Persistence;

/// <summary>
/// Writes one minute of ingest into ingest's tables inside the caller's transaction: accepted bars into
/// <c>lane_telemetry</c>, refusals into <c>ingest_rejections</c>, news into <c>inbound_events_raw</c>; then
/// takes every stored item not yet sent downstream (replayed or polled from a feed) for the minute's
/// <c>NewsMinuteClosed</c>. Multi-row statements: one round trip per table per minute.
/// </summary>
public sealed class MinuteWriter(IngestDbContext db)
{
    public async Task WriteBars(IReadOnlyList<Bar> bars, string source, CancellationToken token)
    {
        if (bars.Count == 0)
            return;
        var (c, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO lane_telemetry (ticker, ts, minute, open, high, low, close, volume, source)
            SELECT t, m + interval '1 minute', m, o, h, l, cl, v, $8
            FROM unnest($1::text[], $2::timestamptz[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::bigint[]) AS x(t, m, o, h, l, cl, v)
            ON CONFLICT (ticker, minute) DO NOTHING
            """, c, tx);
        cmd.Parameters.AddWithValue(bars.Select(b => b.Symbol).ToArray());
        cmd.Parameters.AddWithValue(bars.Select(b => b.Minute.UtcDateTime).ToArray());
        cmd.Parameters.AddWithValue(bars.Select(b => b.Open).ToArray());
        cmd.Parameters.AddWithValue(bars.Select(b => b.High).ToArray());
        cmd.Parameters.AddWithValue(bars.Select(b => b.Low).ToArray());
        cmd.Parameters.AddWithValue(bars.Select(b => b.Close).ToArray());
        cmd.Parameters.AddWithValue(bars.Select(b => b.Volume).ToArray());
        cmd.Parameters.AddWithValue(source);
        await cmd.ExecuteNonQueryAsync(token);
    }

    public async Task WriteRejections(IReadOnlyList<ReplayRejection> rejections, string source, CancellationToken token)
    {
        if (rejections.Count == 0)
            return;
        var (c, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO ingest_rejections (kind, source, ticker, minute, reason_code, detail, raw)
            SELECT k, $7, t, m, r, d, raw FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) AS x(k, t, m, r, d, raw)
            """, c, tx);
        cmd.Parameters.AddWithValue(rejections.Select(r => r.Kind).ToArray());
        cmd.Parameters.AddWithValue(rejections.Select(r => r.Symbol).ToArray());
        cmd.Parameters.AddWithValue(rejections.Select(r => (DateTime?)r.Minute?.UtcDateTime).ToArray());
        cmd.Parameters.AddWithValue(rejections.Select(r => r.ReasonCode).ToArray());
        cmd.Parameters.AddWithValue(rejections.Select(r => r.Detail).ToArray());
        cmd.Parameters.AddWithValue(rejections.Select(r => r.Raw).ToArray());
        cmd.Parameters.AddWithValue(source);
        await cmd.ExecuteNonQueryAsync(token);
    }

    /// <summary>Stores replayed news the way a feed poll does (<see cref="NewsStore.Insert"/>), in this minute's transaction.</summary>
    public Task StoreNews(IReadOnlyList<NewsItem> items, DateTimeOffset fetchedAt, CancellationToken token)
    {
        var (c, tx) = db.InTransaction();
        return NewsStore.Insert(c, tx, items, fetchedAt, token);
    }

    /// <summary>
    /// Marks every stored item published before the end of <paramref name="minute"/> (or, on the last minute,
    /// any time) and not yet sent as sent with this minute; returns them in publish-time order.
    /// </summary>
    public async Task<IReadOnlyList<NewsItem>> TakePendingNews(DateTimeOffset minute, bool lastOfSession, CancellationToken token)
    {
        var (c, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("""
            UPDATE inbound_events_raw SET published_minute = $1
            WHERE published_minute IS NULL AND ($3 OR published_at < $2)
            RETURNING news_id, source, external_id, title, summary, link, published_at, published_at_inferred
            """, c, tx);
        cmd.Parameters.AddWithValue(minute);
        cmd.Parameters.AddWithValue(minute.AddMinutes(1));
        cmd.Parameters.AddWithValue(lastOfSession);
        var items = new List<NewsItem>();
        await using var reader = await cmd.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            items.Add(new NewsItem
            {
                NewsId = reader.GetGuid(0), Source = reader.GetString(1), ExternalId = reader.GetString(2), Title = reader.GetString(3),
                Summary = reader.IsDBNull(4) ? null : reader.GetString(4), Link = reader.IsDBNull(5) ? null : reader.GetString(5),
                PublishedAt = reader.GetFieldValue<DateTimeOffset>(6), PublishedAtInferred = reader.GetBoolean(7),
            });
        return items.OrderBy(i => i.PublishedAt).ThenBy(i => i.NewsId).ToList();
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
