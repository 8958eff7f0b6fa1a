using System.Text;
using Npgsql;
using NpgsqlTypes;
using Tradewire.Contracts.Features;
using Tradewire.Features.Domain;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Features.Persistence;

/// <summary>
/// Reads and writes the features tables on the consumer's connection and transaction (the outbox's), so the
/// rows, the states and the published message commit together. One query per step, whatever the symbol count.
/// </summary>
public sealed class FeatureStore(FeaturesDbContext db)
{
    const int LaneColumns = 17;

    /// <summary>The stored states of <paramref name="symbols"/> (those that have one), by symbol.</summary>
    public async Task<Dictionary<string, IndicatorState>> LoadStates(IReadOnlyCollection<string> symbols, CancellationToken token)
    {
        var states = new Dictionary<string, IndicatorState>(StringComparer.Ordinal);
        if (symbols.Count == 0)
            return states;
        var (connection, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("SELECT ticker, state::text FROM feature_state WHERE ticker = ANY($1)", connection, tx);
        cmd.Parameters.AddWithValue(symbols.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            states[reader.GetString(0)] = IndicatorState.FromJson(reader.GetString(1));
        return states;
    }

    /// <summary>Inserts one lane_features row per snapshot (an existing (ticker, ts) row is kept).</summary>
    public async Task InsertFeatures(IReadOnlyList<SymbolFeatures> rows, CancellationToken token)
    {
        if (rows.Count == 0)
            return;
        var (connection, tx) = db.InTransaction();
        var sql = new StringBuilder("""
            INSERT INTO lane_features (ticker, ts, minute, close, volume, sma20, sma50, atr14, recent_vol, realized_vol,
                vol_ratio, trend, return_1, return_5, return_15, bar_count, ready) VALUES
            """);
        await using var cmd = new NpgsqlCommand { Connection = connection, Transaction = tx };
        for (var i = 0; i < rows.Count; i++)
        {
            var f = rows[i];
            sql.Append(i == 0 ? "\n(" : ",\n(")
               .AppendJoin(", ", Enumerable.Range(i * LaneColumns + 1, LaneColumns).Select(n => "$" + n))
               .Append(')');
            cmd.Parameters.AddWithValue(f.Symbol);
            cmd.Parameters.AddWithValue(f.BarTs);
            cmd.Parameters.AddWithValue(f.BarTs.AddMinutes(-1));
            cmd.Parameters.AddWithValue(f.Close);
            cmd.Parameters.AddWithValue(f.Volume);
            foreach (var value in new[] { f.Sma20, f.Sma50, f.Atr14, f.RecentVol, f.RealizedVol, f.VolRatio, f.Trend, f.Return1, f.Return5, f.Return15 })
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Numeric, Value = value is { } v ? v : DBNull.Value });
            cmd.Parameters.AddWithValue(f.BarCount);
            cmd.Parameters.AddWithValue(f.Ready);
        }
        sql.Append("\nON CONFLICT (ticker, ts) DO NOTHING");
        cmd.CommandText = sql.ToString();
        await cmd.ExecuteNonQueryAsync(token);
    }

    /// <summary>Upserts the states; a stored state that is already further along is kept.</summary>
    public async Task SaveStates(IReadOnlyList<IndicatorState> states, CancellationToken token)
    {
        if (states.Count == 0)
            return;
        var (connection, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO feature_state (ticker, state, last_minute)
            SELECT * FROM unnest($1::text[], $2::jsonb[], $3::timestamptz[])
            ON CONFLICT (ticker) DO UPDATE SET state = excluded.state, last_minute = excluded.last_minute, updated_at = now()
            WHERE feature_state.last_minute < excluded.last_minute
            """, connection, tx);
        cmd.Parameters.AddWithValue(states.Select(s => s.Symbol).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = states.Select(s => s.ToJson()).ToArray() });
        cmd.Parameters.AddWithValue(states.Select(s => s.LastMinute!.Value).ToArray());
        await cmd.ExecuteNonQueryAsync(token);
    }
}
