using Tradewire.ServiceDefaults.Health;

namespace Tradewire.ServiceDefaults.Database;

/// <summary>EF Core over Npgsql on the service's own database (<c>ConnectionStrings:Database</c>).</summary>
public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Database";

    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : ServiceDbContext
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException(
                $"Missing connection string: set the environment variable ConnectionStrings__{ConnectionStringName}.");
        var connectionString = Tuned(configured);

        // No retrying execution strategy: transactions are owned by the outbox and retried whole by the
        // message retry policy, which is the one place retries live.
        builder.Services.AddDbContext<TDbContext>(o => o.UseNpgsql(connectionString));
        builder.Services.AddSingleton(new MigrationTarget(connectionString, typeof(TDbContext).Assembly));
        builder.Services.AddHostedService(_ => new ConnectionPoolReleaser(connectionString));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TDbContext>>("database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// No connection reset on return to the pool: the services never change session state (no <c>SET</c>, temp
    /// tables, advisory session locks or <c>LISTEN</c>), so the <c>DISCARD ALL</c> Npgsql sends otherwise is a
    /// wasted round trip per transaction (measured: about one per message hop). Automatic preparation of the
    /// statements a connection runs repeatedly: every hop runs the same dozen (inbox, sequencer, outbox), and
    /// parsing and planning them again each time was PostgreSQL CPU on a machine whose cores are the limit.
    /// An explicit setting in the configured string wins.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            csb.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = 64;
            csb.AutoPrepareMinUsages = 2;
        }
        return csb.ConnectionString;
    }
}

/// <summary>Where and what to migrate at start-up.</summary>
public sealed record MigrationTarget(string ConnectionString, System.Reflection.Assembly ServiceAssembly);
