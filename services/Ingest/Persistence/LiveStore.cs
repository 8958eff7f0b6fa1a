using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Tradewire.Contracts.Risk;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Publishing;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Persistence;

/// <summary>
/// The live runner's writes: its session row, refused bars, late and updated bars (each batch in one transaction
/// with its counters), the FEED_STALE risk event (bus outbox) and its minutes (through <see cref="SessionMinutePublisher"/>).
/// </summary>
public sealed class LiveStore(IServiceScopeFactory scopes, SessionMinutePublisher publisher) : ILiveSessionSink
{
    /// <summary>
    /// The session's row, created first (source <paramref name="source"/>) when missing and
    /// <paramref name="createIfMissing"/>; null when it is missing and not to be created.
    /// </summary>
    public async Task<SessionProgress?> Open(DateOnly date, string source, decimal speed, bool createIfMissing, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        await db.Database.OpenConnectionAsync(token);
        if (createIfMissing)
            await IngestSql.Execute(db, "INSERT INTO ingest_sessions (session_date, source, speed) VALUES ($1, $2, $3) ON CONFLICT (session_date) DO NOTHING",
                token, date, source, speed);
        return await SessionProgress.Load(db, date, token);
    }

    public async Task Record(DateOnly date, string source, IReadOnlyList<RecordedBar> bars, CancellationToken token)
    {
        if (bars.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var refusals = bars.Where(b => b.Outcome.Refusal is not null)
            .Select(b => new ReplayRejection("BAR", 0, b.Bar.Symbol, b.Bar.Minute, b.Outcome.Refusal!.ReasonCode!, b.Outcome.Refusal.Detail!, Raw(b.Bar)))
            .ToList();
        await new MinuteWriter(db).WriteRejections(refusals, source, token);
        foreach (var (bar, outcome) in bars.Where(b => b.Outcome.Fate is BarFate.Late or BarFate.Updated))
            await IngestSql.Execute(db, """
                INSERT INTO late_bars (kind, source, ticker, minute, open, high, low, close, volume, trade_count, vwap, received_at, minute_closed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """, token, outcome.Fate == BarFate.Late ? "LATE" : "UPDATED", source, bar.Symbol, bar.Minute, bar.Open, bar.High, bar.Low, bar.Close,
                bar.Volume, (object?)bar.TradeCount ?? DBNull.Value, (object?)bar.Vwap ?? DBNull.Value, bar.ReceivedAt,
                (object?)outcome.MinuteClosedAt ?? DBNull.Value);
        await IngestSql.Execute(db, """
            UPDATE ingest_sessions SET bars_rejected = bars_rejected + $2, late_bars = late_bars + $3, updated_bars = updated_bars + $4
            WHERE session_date = $1
            """, token, date, bars.Count(b => b.Outcome.Fate == BarFate.Refused), bars.Count(b => b.Outcome.Fate == BarFate.Late),
            bars.Count(b => b.Outcome.Fate == BarFate.Updated));
        await tx.CommitAsync(token);
    }

    /// <summary>FEED_STALE for the outage whose first incomplete minute is <paramref name="minute"/> (one event per outage, same id on a retry).</summary>
    public async Task RaiseStale(DateTimeOffset minute, DateTimeOffset at, TimeSpan maxHold, string? lastFault, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        await publish.Publish(new RiskEventRaised
        {
            EventId = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"FEED_STALE/{minute:O}"))),
            ReasonCode = "FEED_STALE", Severity = Severity.Critical, At = at,
            DetailJson = JsonSerializer.Serialize(new
            {
                minute, observed = (at - minute).TotalSeconds, threshold = maxHold.TotalSeconds, lastFault,
                effect = "minutes close with the bars received; freshness gates refuse what is missing",
            }),
        }, token);
        await db.SaveChangesAsync(token);
        await tx.CommitAsync(token);
    }

    public Task<bool> Publish(TradingSession session, string source, ReplayMinute minute, CancellationToken token) =>
        publisher.Publish(session, source, minute, token);

    static string Raw(FeedBar b) => JsonSerializer.Serialize(new { b.Symbol, b.Minute, b.Open, b.High, b.Low, b.Close, b.Volume, b.TradeCount, b.Vwap, b.Updated });
}
