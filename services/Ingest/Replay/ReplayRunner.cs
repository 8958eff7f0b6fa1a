using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradewire.Ingest.Persistence;
using Tradewire.Ingest.Publishing;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// Replays recorded sessions, one minute per transaction through <see cref="SessionMinutePublisher"/> (the
/// same path a live session takes), so a crash at any point resumes at the next minute with nothing lost and
/// nothing sent twice. Minutes go out in market-time order; at speed N a minute is released when N x the elapsed
/// wall time reaches it, at speed 0 as fast as the pipeline takes them.
/// </summary>
public sealed class ReplayRunner(IServiceScopeFactory scopes, IMarketCalendar calendar, Universe universe, TimeProvider time,
    SessionMinutePublisher publisher, ILogger<ReplayRunner> log) : BackgroundService
{
    readonly Channel<ReplayRequest> _queue = Channel.CreateUnbounded<ReplayRequest>();

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
        await IngestSql.Execute(db, "INSERT INTO ingest_sessions (session_date, source, replay_path, speed) VALUES ($1, $2, $3, $4)", token,
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
                await IngestSql.Execute(db, "UPDATE ingest_sessions SET status = 'FAILED' WHERE session_date = $1", stoppingToken, request.SessionDate!.Value);
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
            await publisher.Publish(session, plan.Source, minute, token);
        }
        log.LogInformation("Replay of {SessionDate} done in {Seconds:F1} s", session.Date, wall.Elapsed.TotalSeconds);
    }
}

/// <summary>The session was already replayed (or is being replayed): a second replay would duplicate it.</summary>
public sealed class ReplayConflictException(string message) : Exception(message);
