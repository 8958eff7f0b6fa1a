using MassTransit;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.Ingest.Persistence;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.MarketTime;
using Tradewire.ServiceDefaults.Telemetry;

namespace Tradewire.Ingest.Publishing;

/// <summary>
/// Publishes one session minute, the one way every source (a replay, a live feed) does it: the minute's rows,
/// its refusals, its news, its progress mark and the events it publishes (through the bus outbox) commit in one
/// transaction, so a crash at any point resumes at the next minute with nothing lost and nothing sent twice.
/// Publishes <see cref="SessionOpened"/> with the first minute, <see cref="MinuteBarsClosed"/> and
/// <see cref="NewsMinuteClosed"/> for every minute, <see cref="SessionClosing"/> when the minute ending at close
/// minus <see cref="ClosingLead"/> is published, and <see cref="SessionClosed"/> with the last minute.
/// The session's row in <c>ingest_sessions</c> must exist (status RUNNING) before its first minute.
/// </summary>
public sealed class SessionMinutePublisher(IServiceScopeFactory scopes, ILogger<SessionMinutePublisher> log)
{
    public TimeSpan ClosingLead { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Publishes <paramref name="minute"/> of <paramref name="session"/>; false (and nothing written) when that
    /// minute was already published or the session is not RUNNING.
    /// </summary>
    public async Task<bool> Publish(TradingSession session, string source, ReplayMinute minute, CancellationToken token)
    {
        // One trace per minute: its bars and news, and everything every service does with them down to the fills.
        using var trace = TraceLinks.StartTrace("ingest minute");
        trace?.SetTag("tradewire.minute", minute.Minute.ToString("O"));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var progress = await SessionProgress.Load(db, session.Date, token);
        if (progress is null || progress.Status != "RUNNING" || progress.LastMinute >= minute.Minute)
            return false; // committed before a restart: already published

        var writer = new MinuteWriter(db);
        var first = minute.Minute == session.OpenUtc;
        var last = minute.Minute.AddMinutes(1) == session.CloseUtc;
        await writer.WriteBars(minute.Bars, source, token);
        await writer.WriteRejections(minute.Rejections, source, token);
        await writer.StoreNews(minute.News, minute.Minute.AddMinutes(1), token);
        var news = await writer.TakePendingNews(minute.Minute, last, token);
        foreach (var r in minute.Rejections)
            log.LogWarning("Rejected {Kind} line {Line} ({ReasonCode}): {Detail}", r.Kind, r.Line, r.ReasonCode, r.Detail);

        if (first)
            await publish.Publish(new SessionOpened { SessionDate = session.Date, OpensAt = session.OpenUtc, ClosesAt = session.CloseUtc, IsEarlyClose = session.IsEarlyClose }, token);
        await publish.Publish(new MinuteBarsClosed { SessionDate = session.Date, Minute = minute.Minute, Bars = minute.Bars, IsLastOfSession = last }, token);
        await publish.Publish(new NewsMinuteClosed { SessionDate = session.Date, Minute = minute.Minute, Items = news }, token);
        if (minute.Minute.AddMinutes(1) == session.CloseUtc - ClosingLead)
            await publish.Publish(new SessionClosing { SessionDate = session.Date, At = minute.Minute.AddMinutes(1), ClosesAt = session.CloseUtc }, token);

        await IngestSql.Execute(db, "INSERT INTO minute_progress (minute, session_date, acted_at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (minute) DO NOTHING",
            token, minute.Minute, session.Date);
        var totals = await Totals(db, session.Date, minute, news.Count, first, last, token);
        if (last)
            await publish.Publish(new SessionClosed
            {
                SessionDate = session.Date, ClosedAt = session.CloseUtc, Minutes = session.Minutes,
                BarsPublished = totals.Bars, BarsRejected = totals.Rejected,
            }, token);
        await db.SaveChangesAsync(token);
        await tx.CommitAsync(token);
        return true;
    }

    static async Task<(int Bars, int Rejected)> Totals(IngestDbContext db, DateOnly date, ReplayMinute minute, int news, bool first, bool last,
        CancellationToken token)
    {
        var (c, tx) = db.InTransaction();
        await using var cmd = new NpgsqlCommand("""
            UPDATE ingest_sessions SET last_minute = $2, bars_published = bars_published + $3, bars_rejected = bars_rejected + $4,
                news_published = news_published + $5,
                opened_at = CASE WHEN $6 THEN $2 ELSE opened_at END,
                closed_at = CASE WHEN $7 THEN $2 + interval '1 minute' ELSE closed_at END,
                status = CASE WHEN $7 THEN 'DONE' ELSE status END
            WHERE session_date = $1
            RETURNING bars_published, bars_rejected
            """, c, tx);
        cmd.Parameters.AddWithValue(date);
        cmd.Parameters.AddWithValue(minute.Minute);
        cmd.Parameters.AddWithValue(minute.Bars.Count);
        cmd.Parameters.AddWithValue(minute.Rejections.Count(r => r.Kind == "BAR"));
        cmd.Parameters.AddWithValue(news);
        cmd.Parameters.AddWithValue(first);
        cmd.Parameters.AddWithValue(last);
        await using var r = await cmd.ExecuteReaderAsync(token);
        await r.ReadAsync(token);
        return (r.GetInt32(0), r.GetInt32(1));
    }
}
