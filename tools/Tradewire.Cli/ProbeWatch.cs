using System.Diagnostics;
using Npgsql;

namespace Tradewire.Cli;

/// <summary>Follows a pipeline probe (POST /probe on ingest) through the services' own databases.</summary>
public static class ProbeWatch
{
    public sealed record Hop(int Index, string Service, DateTimeOffset StartedAt, DateTimeOffset ReceivedAt, string? TraceId);

    /// <summary>Reads each service's own database until the probe has reached the last one.</summary>
    public static async Task<IReadOnlyList<Hop>> WaitForProbe(InfraEnvironment infra, Guid probeId, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        List<Hop> hops = [];
        while (watch.Elapsed < timeout)
        {
            hops = [];
            foreach (var service in ServiceCatalog.All)
            {
                await using var connection = new NpgsqlConnection(infra.ServiceConnectionString(service));
                await connection.OpenAsync();
                await using var cmd = new NpgsqlCommand(
                    "SELECT hop, service, started_at, received_at, trace_id FROM pipeline_probe_hops WHERE probe_id = $1", connection);
                cmd.Parameters.AddWithValue(probeId);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    hops.Add(new Hop(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                        reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
            if (hops.Count == ServiceCatalog.All.Count)
                break;
            await Task.Delay(200);
        }
        return hops.OrderBy(h => h.Index).ToList();
    }
}
