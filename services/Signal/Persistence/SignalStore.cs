using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tradewire.Contracts;
using Tradewire.ServiceDefaults.Sequencing;
using NpgsqlTypes;
using Tradewire.Contracts.Signals;
using Tradewire.ServiceDefaults.Database;
using Tradewire.Signal.Domain;

namespace Tradewire.Signal.Persistence;

/// <summary>Reads and writes the signal engine's tables on the consumer's connection and transaction.</summary>
public sealed class SignalStore(SignalDbContext db)
{
    const string StateTable = "signal_engine_state";

    public Task<SignalState?> Load(DateOnly sessionDate, CancellationToken token) =>
        SessionStateStore.Load<SignalState>(db, StateTable, sessionDate, token);

    public Task Save(DateOnly sessionDate, SignalState state, CancellationToken token) =>
        SessionStateStore.Save(db, StateTable, sessionDate, state.LastMinute ?? throw new InvalidOperationException("State has no minute."), state, token);

    /// <summary>One multi-row insert of a minute's recommendations; a replayed key inserts nothing.</summary>
    public async Task Log(DateOnly sessionDate, DateTimeOffset minute, IReadOnlyList<Recommendation> recommendations, CancellationToken token)
    {
        if (recommendations.Count == 0) return;
        var (connection, tx) = db.InTransaction();
        var sql = new StringBuilder("INSERT INTO signal_log (signal_key, session_date, minute, ts, ticker, rule, action, instrument_type, confidence, close, bar_ts, recent_vol, reasons) VALUES ");
        await using var cmd = new NpgsqlCommand { Connection = connection, Transaction = tx };
        cmd.Parameters.AddWithValue(sessionDate);
        cmd.Parameters.AddWithValue(minute);
        const int per = 11;
        for (var i = 0; i < recommendations.Count; i++)
        {
            var r = recommendations[i];
            var p = 3 + i * per;
            sql.Append(i == 0 ? "" : ", ").Append('(').Append($"${p}, $1, $2, ")
               .Append(string.Join(", ", Enumerable.Range(p + 1, per - 1).Select(k => $"${k}"))).Append(')');
            cmd.Parameters.AddWithValue(r.SignalKey);
            cmd.Parameters.AddWithValue(r.Ts);
            cmd.Parameters.AddWithValue(r.Ticker);
            cmd.Parameters.AddWithValue(r.SignalKey.Split('|')[2]);
            cmd.Parameters.AddWithValue(Wire.Name(r.Action));
            cmd.Parameters.AddWithValue(Wire.Name(r.InstrumentType));
            cmd.Parameters.AddWithValue(r.Confidence);
            cmd.Parameters.AddWithValue(r.Close);
            cmd.Parameters.AddWithValue(r.BarTs);
            cmd.Parameters.AddWithValue(r.RecentVol);
            cmd.Parameters.Add(new NpgsqlParameter { Value = r.ReasonsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        }
        cmd.CommandText = sql.Append(" ON CONFLICT (signal_key) DO NOTHING").ToString();
        await cmd.ExecuteNonQueryAsync(token);
    }
}
