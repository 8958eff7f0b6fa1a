using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tradewire.ServiceDefaults.Health;

namespace Tradewire.ServiceDefaults.Database;

/// <summary>EF Core over Npgsql on the service's own database (<c>ConnectionStrings:Database</c>).</summary>
public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Database";

    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"Missing connection string: set the environment variable ConnectionStrings__{ConnectionStringName}.");

        // No retrying execution strategy: transactions are owned by the outbox and retried whole by the
        // message retry policy, which is the one place retries live.
        builder.Services.AddDbContext<TDbContext>(o => o.UseNpgsql(connectionString));
        builder.Services.AddSingleton(new MigrationTarget(connectionString, typeof(TDbContext).Assembly));
        builder.Services.AddHostedService(_ => new ConnectionPoolReleaser(connectionString));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TDbContext>>("database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}

/// <summary>Where and what to migrate at start-up.</summary>
public sealed record MigrationTarget(string ConnectionString, System.Reflection.Assembly ServiceAssembly);
