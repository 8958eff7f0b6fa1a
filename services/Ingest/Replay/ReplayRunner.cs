using System.Diagnostics;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tradewire.Contracts.Market;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// Replays recorded sessions, one minute per transaction: the minute's rows, its progress mark and the
/// events it publishes (through the bus outbox) commit together, so a crash at any point resumes at the next
/// minute with nothing lost and nothing sent twice. Minutes go out in market-time order; at speed N a minute
/// is released when N x the elapsed wall time reaches it, at speed 0 as fast as the pipeline takes them.
/// Publishes <see cref="SessionOpened"/>, <see cref="MinuteBarsClosed"/> and <see cref="NewsMinuteClosed"/> for
/// every minute, <see cref="SessionClosing"/> when the minute ending at close minus the lead is published,
/// and <see cref="SessionClosed"/> with the last minute.
/// </summary>
public sealed class ReplayRunner(IServiceScopeFactory scopes, IMarketCalendar calendar, Universe universe, TimeProvider time,
    ILogger<ReplayRunner> log) : BackgroundService
{
    readonly Channel<ReplayRequest> _queue = Channel.CreateUnbounded<ReplayRequest>();

    public TimeSpan ClosingLead { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Validates the request (files, format, trading day) and queues it; throws <see cref="InvalidDataException"/> with the reason.</summary>
    public async Task<ReplayPlan> Enqueue(ReplayRequest request, CancellationToken token)
    {
        if (request.Speed < 0)
            throw new InvalidDataException("speed must be 0 (as fast as possible) or positive");
        if (!Directory.Exists(request.Path))
            throw new InvalidDataException($"no session directory at {request.Path}");
        var plan = ReplayPlan.Load(request.Path, request.SessionDate, calendar, universe.Symbols);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        if (await SessionProgress.Load(db, plan.Session.Date, token) is { } existing)
            throw new ReplayConflictException($"session {plan.Session.Date:yyyy-MM-dd} was already replayed or is replaying (status {existing.Status}); a session is replayed once");
        await Execute(db, "INSERT INTO ingest_sessions (session_date, source, replay_path, speed) VALUES ($1, $2, $3, $4)", token,
            plan.Session.Date, plan.Source, Path.GetFullPath(request.Path), request.Speed);
        await tx.CommitAsync(token);
        await _queue.Writer.WriteAsync(request with { SessionDate = plan.Session.Date, Path = Path.GetFullPath(request.Path) }, token);
        return plan;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
            foreach (var unfinished in await SessionProgress.Unfinished(scope.ServiceProvider.GetRequiredService<IngestDbContext>(), stoppingToken))
            {
                log.LogInformation("Resuming the replay of {SessionDate} after {LastMinute}", unfinished.SessionDate, unfinished.LastMinute);
                await _queue.Writer.WriteAsync(new ReplayRequest(unfinished.ReplayPath!, unfinished.SessionDate, unfinished.Speed), stoppingToken);
            }

        await foreach (var request in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Run(request, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Replay of {Path} as {SessionDate} failed", request.Path, request.SessionDate);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
                await db.Database.OpenConnectionAsync(stoppingToken);
                await Execute(db, "UPDATE ingest_sessions SET status = 'FAILED' WHERE session_date = $1", stoppingToken, request.SessionDate!.Value);
            }
        }
    }

    async Task Run(ReplayRequest request, CancellationToken token)
    {
        var plan = ReplayPlan.Load(request.Path, request.SessionDate, calendar, universe.Symbols);
        var session = plan.Session;
        var wall = Stopwatch.StartNew();
        log.LogInformation("Replaying {Source} as {SessionDate} at speed {Speed}", plan.Source, session.Date, request.Speed);
        foreach (var minute in plan.Minutes)
        {
            if (request.Speed > 0)
            {
                var due = TimeSpan.FromTicks((long)((minute.Minute.AddMinutes(1) - session.OpenUtc).Ticks / request.Speed));
                if (due > wall.Elapsed)
                    await Task.Delay(due - wall.Elapsed, time, token);
            }
            await PublishMinute(plan, minute, token);
        }
        log.LogInformation("Replay of {SessionDate} done in {Seconds:F1} s", session.Date, wall.Elapsed.TotalSeconds);
    }

    async Task PublishMinute(ReplayPlan plan, ReplayMinute minute, CancellationToken token)
    {
        var session = plan.Session;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var progress = await SessionProgress.Load(db, session.Date, token);
        if (progress is null || progress.Status != "RUNNING" || progress.LastMinute >= minute.Minute)
            return; // committed before a restart: already published

        var writer = new MinuteWriter(db);
        var first = minute.Minute == session.OpenUtc;
        var last = minute.Minute.AddMinutes(1) == session.CloseUtc;
        await writer.WriteBars(minute.Bars, plan.Source, token);
        await writer.WriteRejections(minute.Rejections, plan.Source, token);
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

        await Execute(db, "INSERT INTO minute_progress (minute, session_date, acted_at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (minute) DO NOTHING",
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
    }

    static async Task<(int Bars, int Rejected)> Totals(IngestDbContext db, DateOnly date, ReplayMinute minute, int news, bool first, bool last,
        CancellationToken token)
    {
        var c = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand("""
            UPDATE ingest_sessions SET last_minute = $2, bars_published = bars_published + $3, bars_rejected = bars_rejected + $4,
                news_published = news_published + $5,
                opened_at = CASE WHEN $6 THEN $2 ELSE opened_at END,
                closed_at = CASE WHEN $7 THEN $2 + interval '1 minute' ELSE closed_at END,
                status = CASE WHEN $7 THEN 'DONE' ELSE status END
            WHERE session_date = $1
            RETURNING bars_published, bars_rejected
            """, c, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
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

    static async Task Execute(IngestDbContext db, string sql, CancellationToken token, params object[] args)
    {
        var c = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(sql, c, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var a in args)
            cmd.Parameters.AddWithValue(a);
        await cmd.ExecuteNonQueryAsync(token);
    }
}

/// <summary>The session was already replayed (or is being replayed): a second replay would duplicate it.</summary>
public sealed class ReplayConflictException(string message) : Exception(message);
