using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tradewire.ServiceDefaults.Health;

/// <summary>Ready only when the service's own database answers a query.</summary>
sealed class DatabaseHealthCheck<TDbContext>(TDbContext db) : IHealthCheck where TDbContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database unreachable: " + e.GetBaseException().Message);
        }
    }
}
