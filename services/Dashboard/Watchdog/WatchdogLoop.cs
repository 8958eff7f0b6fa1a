using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewire.Contracts.Risk;

namespace Tradewire.Dashboard.Watchdog;

/// <summary>
/// Checks the recorded events every <see cref="WatchdogOptions.CheckInterval"/> and raises each new alert once: a
/// <see cref="RiskEventRaised"/> through the outbox (the dashboard's own risk consumer then shows it like every other
/// risk event), in the transaction that records it as raised, then the webhook. Writes a heartbeat line every
/// <see cref="WatchdogOptions.HeartbeatInterval"/>, so a silent log means a dead watchdog, not a quiet market.
/// </summary>
public sealed class WatchdogLoop(IServiceScopeFactory scopes, IOptionsMonitor<WatchdogOptions> options, ILogger<WatchdogLoop> log) : BackgroundService
{
    /// <summary>Only the cadence of checks and heartbeats: a scaled market clock must not make the heartbeat run fast.</summary>
    static readonly TimeProvider Wall = TimeProvider.System;

    int _raised;
    WatchdogSnapshot? _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextHeartbeat = Wall.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.CurrentValue;
            if (o.Enabled)
            {
                try
                {
                    await Check(o, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogError(e, "Watchdog check failed; retried at the next interval");
                }
                if (Wall.GetUtcNow() >= nextHeartbeat)
                {
                    Heartbeat();
                    nextHeartbeat = Wall.GetUtcNow() + o.HeartbeatInterval;
                }
            }
            try
            {
                await Task.Delay(o.CheckInterval, Wall, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    async Task Check(WatchdogOptions o, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var webhook = scope.ServiceProvider.GetRequiredService<AlertWebhook>();
        _last = await scope.ServiceProvider.GetRequiredService<WatchdogSnapshotQuery>().Read();
        foreach (var alert in WatchdogRules.Evaluate(_last, o))
            if (await Raise(alert, token) is { } eventId)
            {
                _raised++;
                log.LogWarning("Watchdog alert {ReasonCode} ({Severity}) {Ticker} at {At:O}: {Detail}", alert.ReasonCode, alert.Severity, alert.Ticker,
                    alert.At, JsonSerializer.Serialize(alert.Detail));
                await webhook.Send(alert, eventId, token);
            }
    }

    /// <summary>Records the alert and publishes its risk event in one transaction; null when it was raised before.</summary>
    async Task<Guid?> Raise(WatchdogAlert alert, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var eventId = NewId.NextGuid();
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO dash_watchdog_alerts (alert_key, event_id, reason_code, raised_at) VALUES ({alert.Key}, {eventId}, {alert.ReasonCode}, {alert.At})
            ON CONFLICT (alert_key) DO NOTHING
            """, token);
        if (inserted == 0)
            return null;
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new RiskEventRaised
        {
            EventId = eventId, ReasonCode = alert.ReasonCode, Severity = alert.Severity, Ticker = alert.Ticker,
            DetailJson = JsonSerializer.Serialize(alert.Detail), At = alert.At,
        }, token);
        await db.SaveChangesAsync(token);
        await tx.CommitAsync(token);
        return eventId;
    }

    void Heartbeat()
    {
        var latest = _last?.Latest ?? new Dictionary<string, DateTimeOffset>();
        string Of(string stream) => latest.TryGetValue(stream, out var m) ? m.ToString("yyyy-MM-ddTHH:mmZ") : "none";
        log.LogInformation("Watchdog heartbeat: market now {MarketNow}, bars {Bars}, features {Features}, news {News}, dispatcher runs {Runs}, alerts raised {Raised}",
            _last?.MarketNow?.ToString("yyyy-MM-ddTHH:mmZ") ?? "none", Of("bars"), Of("features"), Of("news"), Of("dispatcher_runs"), _raised);
    }
}
