using System.Net.Http.Json;
using System.Text.Json;

namespace Tradewire.Cli.Bench;

/// <summary>What the benchmark reads around a run: PostgreSQL commits, queue statistics, per-minute latency.</summary>
public static class BenchMeasures
{
    public static async Task<long> PgCommits(InfraEnvironment infra)
    {
        var admin = new Db(infra.AdminConnectionString());
        return await admin.Scalar("SELECT sum(xact_commit)::bigint FROM pg_stat_database WHERE datname = ANY($1)", 0L,
            (object)ServiceCatalog.All.Select(s => s.Database).ToArray()); // one array parameter, not params expansion
    }

    /// <summary>Messages acknowledged per queue since the queues were created (the bench deletes them first).</summary>
    public static async Task<Dictionary<string, long>> QueueAcks(InfraEnvironment infra)
    {
        using var http = infra.ManagementClient();
        var queues = await http.GetFromJsonAsync<JsonElement>("api/queues/%2F?columns=name,message_stats");
        var acks = new Dictionary<string, long>();
        foreach (var q in queues.EnumerateArray())
        {
            var name = q.GetProperty("name").GetString()!;
            if (name.EndsWith("_error", StringComparison.Ordinal) || name.Contains("pipeline-probe", StringComparison.Ordinal))
                continue;
            acks[name] = q.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("ack", out var ack) ? ack.GetInt64() : 0;
        }
        return acks;
    }

    /// <summary>
    /// Per minute: when the broker-gateway acted on it minus when ingest published it (both from their
    /// <c>minute_progress</c>): the time from a bar's ingest to the fills it causes.
    /// </summary>
    public static async Task<List<double>> MinuteLatenciesMs(ReplayProgress progress, DateOnly session)
    {
        const string Sql = "SELECT minute, acted_at FROM minute_progress WHERE session_date = $1";
        var published = (await progress.For("ingest").Rows(Sql, session))
            .ToDictionary(r => (DateTime)r[0]!, r => (DateTime)r[1]!);
        var filled = await progress.For("broker-gateway").Rows(Sql, session);
        return filled.Where(r => published.ContainsKey((DateTime)r[0]!))
            .Select(r => ((DateTime)r[1]! - published[(DateTime)r[0]!]).TotalMilliseconds).Order().ToList();
    }

    /// <summary>One statement's share of the run in pg_stat_statements (times in milliseconds).</summary>
    public sealed record Statement(string Database, long Calls, double TotalMs, double MeanMs, string Query);

    /// <summary>Clears pg_stat_statements; false when the module is not loaded (infra.sh loads it when PostgreSQL ships it).</summary>
    public static async Task<bool> ResetStatements(InfraEnvironment infra)
    {
        try
        {
            var admin = new Db(infra.AdminConnectionString());
            await admin.Rows("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await admin.Rows("SELECT pg_stat_statements_reset()");
            return true;
        }
        catch (Npgsql.PostgresException)
        {
            return false;
        }
    }

    /// <summary>The statements of the service databases that took the most execution time since the reset.</summary>
    public static async Task<List<Statement>> TopStatements(InfraEnvironment infra, int count)
    {
        var admin = new Db(infra.AdminConnectionString());
        var rows = await admin.Rows("""
            SELECT d.datname, s.calls, s.total_exec_time, s.mean_exec_time, regexp_replace(s.query, '\s+', ' ', 'g')
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = ANY($1)
            ORDER BY s.total_exec_time DESC LIMIT $2
            """, ServiceCatalog.All.Select(x => x.Database).ToArray(), count);
        return rows.Select(r => new Statement((string)r[0]!, (long)r[1]!, Math.Round((double)r[2]!, 0), Math.Round((double)r[3]!, 2),
            ((string)r[4]!).Length > 110 ? ((string)r[4]!)[..110] + "..." : (string)r[4]!)).ToList();
    }

    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
