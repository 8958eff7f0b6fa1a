using System.Text;
using System.Text.Json;
using Npgsql;
using Tradewire.ServiceDefaults.Sequencing;
using NpgsqlTypes;
using Tradewire.Contracts.Watchlist;
using Tradewire.ServiceDefaults.Database;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Watchlist.Persistence;

/// <summary>Reads and writes the watchlist's tables on the consumer's connection and transaction.</summary>
public sealed class WatchlistStore(WatchlistDbContext db)
{
    const string StateTable = "watchlist_engine_state";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<WatchlistState?> Load(DateOnly sessionDate, CancellationToken token) =>
        SessionStateStore.Load<WatchlistState>(db, StateTable, sessionDate, token);

    public Task Save(DateOnly sessionDate, WatchlistState state, CancellationToken token) =>
        SessionStateStore.Save(db, StateTable, sessionDate, state.LastMinute ?? throw new InvalidOperationException("State has no minute."), state, token);

    /// <summary>One multi-row insert of a ranking; a replayed minute inserts nothing new.</summary>
    public async Task SaveRanking(DateOnly sessionDate, DateTimeOffset minute, IReadOnlyList<WatchlistEntry> entries, CancellationToken token)
    {
        if (entries.Count == 0) return;
        var (connection, tx) = db.InTransaction();
        var sql = new StringBuilder("INSERT INTO watchlist_state (ts, session_date, rank, ticker, score, attribution, reranked_at) VALUES ");
        await using var cmd = new NpgsqlCommand { Connection = connection, Transaction = tx };
        cmd.Parameters.AddWithValue(minute);
        cmd.Parameters.AddWithValue(sessionDate);
        cmd.Parameters.AddWithValue(minute.AddMinutes(1));
        for (var i = 0; i < entries.Count; i++)
        {
            var p = 4 + i * 4;
            sql.Append(i == 0 ? "" : ", ").Append($"($1, $2, ${p}, ${p + 1}, ${p + 2}, ${p + 3}, $3)");
            cmd.Parameters.AddWithValue(entries[i].Rank);
            cmd.Parameters.AddWithValue(entries[i].Symbol);
            cmd.Parameters.AddWithValue(entries[i].Score);
            cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(entries[i].Attribution, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        }
        cmd.CommandText = sql.Append(" ON CONFLICT (ts, ticker) DO NOTHING").ToString();
        await cmd.ExecuteNonQueryAsync(token);
    }
}
