namespace Tradewire.Cli;

/// <summary>How far each service has got through a session (minutes acted on), read from the services' own databases.</summary>
public sealed class ReplayProgress(Func<ServiceInfo, string> connectionString, bool pooled = false)
{
    /// <summary>Progress read from the services' own databases as the local infrastructure names them (pooled: see <see cref="Db"/>).</summary>
    public ReplayProgress(InfraEnvironment infra, bool pooled = false) : this(infra.ServiceConnectionString, pooled) { }

    public Db For(string service) => new(connectionString(ServiceCatalog.Find(service)!), pooled);

    /// <summary>Minutes done per service: ingest's published minutes, the others' minute cursors.</summary>
    public async Task<IReadOnlyList<(string Service, int Minutes)>> Minutes(DateOnly date)
    {
        var list = new List<(string, int)>();
        foreach (var service in ServiceCatalog.All)
        {
            var db = For(service.Name);
            var minutes = service.Name == "ingest"
                ? await db.Scalar("SELECT CASE WHEN last_minute IS NULL THEN 0 ELSE (EXTRACT(EPOCH FROM last_minute - opened_at) / 60)::int + 1 END FROM ingest_sessions WHERE session_date = $1", 0, date)
                : await db.Scalar("SELECT minutes_done FROM minute_cursor WHERE session_date = $1", 0, date);
            list.Add((service.Name, minutes));
        }
        return list;
    }

    /// <summary>Messages written to outboxes and not yet delivered, across every service.</summary>
    public async Task<long> PendingOutbox()
    {
        long total = 0;
        foreach (var service in ServiceCatalog.All)
            total += await For(service.Name).Scalar("SELECT count(*) FROM \"OutboxMessage\"", 0L);
        return total;
    }
}
