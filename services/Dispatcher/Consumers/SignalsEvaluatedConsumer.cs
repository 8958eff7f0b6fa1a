using System.Text.Json;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;
using Tradewire.Dispatcher.Runs;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging.Outbox;
using Tradewire.ServiceDefaults.Sequencing;
using Tradewire.ServiceDefaults.Telemetry;

namespace Tradewire.Dispatcher.Consumers;

/// <summary>
/// Input side: stores each minute's recommendations as PENDING (idempotent on signal_key) and records the
/// minute's run tick, in minute order (the sequencer), in the consumer's transaction. The run loop does the rest.
/// </summary>
public sealed class SignalsEvaluatedConsumer(DispatcherDbContext db, MinuteSequencer<DispatcherDbContext> sequencer, DispatchWakeup wakeup,
    AfterCommit afterCommit)
    : IConsumer<SignalsEvaluated>
{
    public const string Stream = "signals";

    public async Task Consume(ConsumeContext<SignalsEvaluated> context)
    {
        var message = context.Message;
        var token = context.CancellationToken;
        var ready = await sequencer.Offer(Stream, message.SessionDate, message.Minute, message, [Stream], token);
        foreach (var minute in ready)
        {
            var evaluated = minute.Get<SignalsEvaluated>(Stream);
            await InsertRecommendations(evaluated, token);
            await db.Execute("""
                INSERT INTO dispatcher_ticks (minute, session_date, evaluated_at, latest_bars, traceparent) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (minute) DO NOTHING
                """, token, evaluated.Minute.UtcDateTime, evaluated.SessionDate, evaluated.EvaluatedAt.UtcDateTime,
                DbContextSql.Jsonb(JsonSerializer.Serialize(evaluated.LatestBars, TickJson.Options)), TraceLinks.Current);
        }
        // After the commit, or the run finds no tick and waits for the next poll.
        if (ready.Count > 0)
            afterCommit.Add(wakeup.Wake);
    }

    async Task InsertRecommendations(SignalsEvaluated evaluated, CancellationToken token)
    {
        var recs = evaluated.Recommendations;
        if (recs.Count == 0)
            return;
        await db.Execute("""
            INSERT INTO dispatch_recommendations (signal_key, ts, created_at, ticker, action, instrument_type, confidence, reason,
                                                  close, bar_ts, feature_ts, recent_vol, atr14)
            SELECT k, ts, $13, t, a, it, c, r::jsonb, cl, bt, ft, rv, atr
            FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[],
                        $8::numeric[], $9::timestamptz[], $10::timestamptz[], $11::numeric[], $12::numeric[])
                 AS u(k, ts, t, a, it, c, r, cl, bt, ft, rv, atr)
            ON CONFLICT (signal_key) DO NOTHING
            """, token,
            recs.Select(r => r.SignalKey).ToArray(),
            recs.Select(r => r.Ts.UtcDateTime).ToArray(),
            recs.Select(r => r.Ticker).ToArray(),
            recs.Select(r => Wire.Name(r.Action)).ToArray(),
            recs.Select(r => Wire.Name(r.InstrumentType)).ToArray(),
            recs.Select(r => r.Confidence).ToArray(),
            recs.Select(r => r.ReasonsJson).ToArray(),
            recs.Select(r => r.Close).ToArray(),
            recs.Select(r => r.BarTs.UtcDateTime).ToArray(),
            recs.Select(r => r.FeatureTs.UtcDateTime).ToArray(),
            recs.Select(r => r.RecentVol).ToArray(),
            new NpgsqlParameter { Value = recs.Select(r => (object?)r.Atr14 ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric },
            evaluated.EvaluatedAt.UtcDateTime);
    }
}

/// <summary>JSON of the tick's latest bars (web defaults: camelCase).</summary>
static class TickJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
