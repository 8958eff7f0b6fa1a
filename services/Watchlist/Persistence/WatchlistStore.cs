using System.Text.Json;
using Tradewire.Contracts.Watchlist;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Sequencing;
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

    /// <summary>One statement for a ranking (arrays, one per column); a replayed minute inserts nothing new.</summary>
    public async Task SaveRanking(DateOnly sessionDate, DateTimeOffset minute, IReadOnlyList<WatchlistEntry> entries, CancellationToken token)
    {
        if (entries.Count == 0) return;
        await db.Execute("""
            INSERT INTO watchlist_state (ts, session_date, rank, ticker, score, attribution, reranked_at)
            SELECT $1, $2, r, t, s, a::jsonb, $3 FROM unnest($4::integer[], $5::text[], $6::numeric[], $7::text[]) AS x(r, t, s, a)
            ON CONFLICT (ts, ticker) DO NOTHING
            """, token, minute, sessionDate, minute.AddMinutes(1), entries.Select(e => e.Rank).ToArray(), entries.Select(e => e.Symbol).ToArray(),
            entries.Select(e => e.Score).ToArray(), entries.Select(e => JsonSerializer.Serialize(e.Attribution, Json)).ToArray());
    }
}
