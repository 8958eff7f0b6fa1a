using Tradewire.Contracts.News;
using System.Data;
using Npgsql;
using NpgsqlTypes;
using Tradewire.Ingest.News;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Ingest.Persistence;

/// <summary>
/// Writes polled items into <c>inbound_events_raw</c> (one multi-row insert, dedupe on (source, external_id)
/// across polls and restarts) and rejections into <c>ingest_rejections</c>, in one transaction on the
/// service DbContext's connection. <c>published_minute</c> stays null: the market clock publishes pending items.
/// </summary>
public sealed class NewsStore(IngestDbContext db)
{
    const string InsertItems = """
        INSERT INTO inbound_events_raw (news_id, source, external_id, title, summary, link, published_at, published_at_inferred, fetched_at)
        SELECT * FROM unnest(@ids, @sources, @external_ids, @titles, @summaries, @links, @published, @inferred, @fetched)
        ON CONFLICT (source, external_id) DO NOTHING
        """;

    // A feed-level failure is an event per poll; an item rejection is a fact about the item, stored once.
    const string InsertRejection = """
        INSERT INTO ingest_rejections (kind, source, reason_code, detail, raw, rejected_at)
        SELECT @kind, @source, @code, @detail, @raw, @at
        WHERE @kind = 'FEED' OR NOT EXISTS (
            SELECT 1 FROM ingest_rejections WHERE kind = @kind AND source = @source AND reason_code = @code AND detail = @detail)
        """;

    /// <summary>Stores items and rejections; returns how many items were new.</summary>
    public async Task<int> Save(IReadOnlyList<NewsItem> items, string source, IReadOnlyList<FeedRejection> rejections,
        DateTimeOffset fetchedAt, CancellationToken token)
    {
        var connection = db.Connection();
        if (connection.State != ConnectionState.Open)
            await connection.OpenAsync(token);
        await using var tx = await connection.BeginTransactionAsync(token);
        var inserted = await Insert(connection, tx, items, fetchedAt, token);
        foreach (var rejection in rejections)
            await Reject(connection, tx, source, rejection, fetchedAt, token);
        await tx.CommitAsync(token);
        return inserted;
    }

    /// <summary>
    /// Inserts items into <c>inbound_events_raw</c> inside the caller's transaction (a feed poll, or a replayed
    /// minute); an item already stored (same source and external id) is skipped. Returns how many were new.
    /// </summary>
    public static async Task<int> Insert(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<NewsItem> items,
        DateTimeOffset fetchedAt, CancellationToken token)
    {
        if (items.Count == 0)
            return 0;
        await using var cmd = new NpgsqlCommand(InsertItems, connection, tx);
        cmd.Parameters.Add(Array("ids", NpgsqlDbType.Uuid, items.Select(i => i.NewsId)));
        cmd.Parameters.Add(Array("sources", NpgsqlDbType.Text, items.Select(i => i.Source)));
        cmd.Parameters.Add(Array("external_ids", NpgsqlDbType.Text, items.Select(i => i.ExternalId)));
        cmd.Parameters.Add(Array("titles", NpgsqlDbType.Text, items.Select(i => i.Title)));
        cmd.Parameters.Add(Array("summaries", NpgsqlDbType.Text, items.Select(i => i.Summary)));
        cmd.Parameters.Add(Array("links", NpgsqlDbType.Text, items.Select(i => i.Link)));
        cmd.Parameters.Add(Array("published", NpgsqlDbType.TimestampTz, items.Select(i => i.PublishedAt)));
        cmd.Parameters.Add(Array("inferred", NpgsqlDbType.Boolean, items.Select(i => i.PublishedAtInferred)));
        cmd.Parameters.Add(Array("fetched", NpgsqlDbType.TimestampTz, items.Select(_ => fetchedAt.ToUniversalTime())));
        return await cmd.ExecuteNonQueryAsync(token);
    }

    /// <summary>Stores one feed-level rejection (its own transaction).</summary>
    public Task Reject(string source, FeedRejection rejection, DateTimeOffset at, CancellationToken token) =>
        Save([], source, [rejection], at, token);

    static async Task Reject(NpgsqlConnection connection, NpgsqlTransaction tx, string source, FeedRejection rejection,
        DateTimeOffset at, CancellationToken token)
    {
        await using var cmd = new NpgsqlCommand(InsertRejection, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = rejection.Kind });
        cmd.Parameters.Add(new NpgsqlParameter("source", NpgsqlDbType.Text) { Value = source });
        cmd.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = rejection.ReasonCode });
        cmd.Parameters.Add(new NpgsqlParameter("detail", NpgsqlDbType.Text) { Value = rejection.Detail });
        cmd.Parameters.Add(new NpgsqlParameter("raw", NpgsqlDbType.Text) { Value = (object?)rejection.Raw ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() });
        await cmd.ExecuteNonQueryAsync(token);
    }

    static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
