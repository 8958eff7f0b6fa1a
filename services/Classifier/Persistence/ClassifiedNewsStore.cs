using System.Text;
using Npgsql;
using NpgsqlTypes;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Classifier.Persistence;

/// <summary>
/// Writes classified items to <c>inbound_events_classified</c> in the consumer's transaction: multi-row inserts
/// (chunks of <see cref="RowsPerStatement"/>), <c>ON CONFLICT (news_id) DO NOTHING</c> so an item seen again inserts nothing.
/// </summary>
public sealed class ClassifiedNewsStore(ClassifierDbContext db)
{
    /// <summary>9 parameters a row: well under PostgreSQL's 65,535 parameters per statement.</summary>
    public const int RowsPerStatement = 1000;

    /// <returns>The number of rows inserted (items already stored are not counted).</returns>
    public async Task<int> Insert(DateTimeOffset minute, IReadOnlyList<ClassifiedNewsItem> items, CancellationToken token)
    {
        var (connection, tx) = db.InTransaction();
        var inserted = 0;
        foreach (var chunk in items.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("""
                INSERT INTO inbound_events_classified
                  (news_id, minute, published_at, title, tickers, sentiment_score, sentiment_label, confidence, model_version)
                VALUES
                """);
            await using var cmd = new NpgsqlCommand { Connection = connection, Transaction = tx };
            for (var i = 0; i < chunk.Length; i++)
            {
                var p = i * 9;
                sql.Append(i == 0 ? "\n" : ",\n")
                    .Append($"(${p + 1}, ${p + 2}, ${p + 3}, ${p + 4}, ${p + 5}, ${p + 6}, ${p + 7}, ${p + 8}, ${p + 9})");
                var item = chunk[i];
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.NewsId, NpgsqlDbType = NpgsqlDbType.Uuid });
                cmd.Parameters.Add(new NpgsqlParameter { Value = minute.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.PublishedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.Title, NpgsqlDbType = NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.Tickers.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.Score, NpgsqlDbType = NpgsqlDbType.Numeric });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.Label, NpgsqlDbType = NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.Confidence, NpgsqlDbType = NpgsqlDbType.Numeric });
                cmd.Parameters.Add(new NpgsqlParameter { Value = item.ModelVersion, NpgsqlDbType = NpgsqlDbType.Text });
            }
            sql.Append("\nON CONFLICT (news_id) DO NOTHING");
            cmd.CommandText = sql.ToString();
            inserted += await cmd.ExecuteNonQueryAsync(token);
        }
        return inserted;
    }
}
