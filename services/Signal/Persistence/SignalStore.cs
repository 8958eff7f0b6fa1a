using Tradewire.Contracts.Signals;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Sequencing;
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

    /// <summary>One statement for a minute's recommendations (arrays, one per column); a replayed key inserts nothing.</summary>
    public async Task Log(DateOnly sessionDate, DateTimeOffset minute, IReadOnlyList<Recommendation> recommendations, CancellationToken token)
    {
        if (recommendations.Count == 0) return;
        await db.Execute("""
            INSERT INTO signal_log (signal_key, session_date, minute, ts, ticker, rule, action, instrument_type, confidence, close, bar_ts, recent_vol, reasons)
            SELECT k, $1, $2, ts, t, rule, a, it, c, cl, b, v, r::jsonb
            FROM unnest($3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[], $10::numeric[],
                        $11::timestamptz[], $12::numeric[], $13::text[]) AS x(k, ts, t, rule, a, it, c, cl, b, v, r)
            ON CONFLICT (signal_key) DO NOTHING
            """, token, sessionDate, minute,
            Column(r => r.SignalKey), Column(r => r.Ts), Column(r => r.Ticker), Column(r => r.SignalKey.Split('|')[2]),
            Column(r => r.Action), Column(r => r.InstrumentType), Column(r => r.Confidence), Column(r => r.Close),
            Column(r => r.BarTs), Column(r => r.RecentVol), Column(r => r.ReasonsJson));

        T[] Column<T>(Func<Recommendation, T> value) => [.. recommendations.Select(value)];
    }
}
