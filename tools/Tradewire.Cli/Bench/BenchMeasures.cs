using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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
        using var http = new HttpClient { BaseAddress = infra.ManagementUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{infra["TRADEWIRE_RABBIT_USER"]}:{infra["TRADEWIRE_RABBIT_PASSWORD"]}")));
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
    public static async Task<List<double>> MinuteLatenciesMs(ReplayProgress progress)
    {
        var published = (await progress.For("ingest").Rows("SELECT minute, acted_at FROM minute_progress"))
            .ToDictionary(r => (DateTime)r[0]!, r => (DateTime)r[1]!);
        var filled = await progress.For("broker-gateway").Rows("SELECT minute, acted_at FROM minute_progress");
        return filled.Where(r => published.ContainsKey((DateTime)r[0]!))
            .Select(r => ((DateTime)r[1]! - published[(DateTime)r[0]!]).TotalMilliseconds).Order().ToList();
    }

    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
