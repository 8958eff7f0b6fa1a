using Npgsql;
using Prometheus;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.ServiceDefaults.Metrics;

/// <summary>
/// Outbox depth and age from the service's own database: messages committed but not yet handed to the broker, and
/// how long the oldest of them has waited (wall clock, as the stamp is). A depth that grows, or an age beyond a few
/// seconds, means delivery to RabbitMQ is stuck.
/// </summary>
sealed class OutboxMetricsRefresh<TDbContext>(TDbContext db, OutboxGauges gauges) : IMetricsRefresh
    where TDbContext : DbContext
{
    static readonly TimeProvider Wall = TimeProvider.System;

    public async Task Refresh(CancellationToken token)
    {
        var connection = db.Connection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(token);
        try
        {
            await using var cmd = new NpgsqlCommand("""SELECT count(*), min("SentTime") FROM "OutboxMessage" """, connection);
            await using var reader = await cmd.ExecuteReaderAsync(token);
            await reader.ReadAsync(token);
            var depth = reader.GetInt64(0);
            var oldest = reader.IsDBNull(1) ? (DateTime?)null : DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
            gauges.Depth.Set(depth);
            gauges.OldestAge.Set(oldest is { } t ? Math.Max(0, (Wall.GetUtcNow().UtcDateTime - t).TotalSeconds) : 0);
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }
}

/// <summary>The outbox gauges, created once per service.</summary>
sealed class OutboxGauges(ServiceMetrics metrics)
{
    public Gauge Depth { get; } = metrics.Factory.CreateGauge("trader_outbox_depth", "Outbox messages committed and not yet delivered to RabbitMQ.");
    public Gauge OldestAge { get; } = metrics.Factory.CreateGauge("trader_outbox_oldest_age_seconds", "Seconds the oldest undelivered outbox message has waited (0 when empty).");
}
