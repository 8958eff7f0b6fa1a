using System.Globalization;
using System.Text.Json;

namespace Tradewire.Cli.Smoke;

/// <summary>
/// The burn-in plan's 60-minute smoke test on a running system: every endpoint answers; metrics are present and a
/// counter increments (scraped before and after the smoke test's own kill switch press, which records risk
/// events); the kill switch completes within 2 s on a PAPER book (<see cref="KillSwitchProbe"/>); the same plan
/// gives the same ids (every execution's id is derived from its signal key, every order's from its execution and
/// leg, and an OCO pair placed again from how many times it was); no client_order_id twice.
/// Prints PASS/FAIL per criterion and archives the result as <c>smoke-yyyyMMddTHHmmssZ.json</c>.
/// </summary>
public static class SmokeCheck
{
    /// <summary>What answers on each service besides <c>/health/ready</c> (all behind the operator token).</summary>
    static readonly IReadOnlyDictionary<string, string[]> Endpoints = new Dictionary<string, string[]>
    {
        ["dispatcher"] = ["/config"],
        ["broker-gateway"] = ["/mode", "/risk", "/positions"],
    };

    /// <summary>
    /// The broker-gateway's orders whose id re-running the same plan would not produce: an order's id is derived from
    /// its execution and leg, <c>tw-{execution_id}-{leg}</c>, and an OCO leg's group from its execution,
    /// <c>oco-{execution_id}</c>. A pair placed again for a larger filled quantity carries the count of its
    /// re-placings, <c>-r1</c>, <c>-r2</c>, ..., on both legs' ids and on their group. Case-insensitive.
    /// </summary>
    public const string OrdersNotDerivedFromTheirPlan = """
        SELECT client_order_id, execution_id::text, leg_role FROM orders
        WHERE lower(client_order_id) !~ ('^tw-' || replace(execution_id::text, '-', '') || '-' || lower(leg_role)
                                         || CASE WHEN leg_role IN ('STOP', 'TARGET') THEN '(-r[1-9][0-9]*)?' ELSE '' END || '$')
           OR (leg_role IN ('STOP', 'TARGET') AND lower(coalesce(oco_group, '')) <> lower('oco-' || replace(execution_id::text, '-', '')
                                         || coalesce(substring(lower(client_order_id) from '-r[1-9][0-9]*$'), '')))
        ORDER BY created_at, client_order_id
        """;

    public static async Task<IReadOnlyList<SessionCheck>> Run(SystemTarget target, string reportsDir, TextWriter output, string metricsPath = "/metrics")
    {
        using var http = target.Client(TimeSpan.FromSeconds(10));
        var checks = new List<SessionCheck>();
        foreach (var service in ServiceCatalog.All)
            checks.Add(await Answers(http, target, service, ["/health/ready", .. Endpoints.GetValueOrDefault(service.Name, [])]));

        var before = await Scrape(http, target, metricsPath);
        var found = before.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        var trader = found.GetValueOrDefault("broker-gateway")?.Samples.Keys.Count(k => k.StartsWith("trader_", StringComparison.Ordinal)) ?? 0;
        checks.Add(new("metrics present", $"{metricsPath} on the broker-gateway with trader_* metrics",
            found.Count == 0 ? "no service serves " + metricsPath
                : string.Join(", ", found.Select(f => $"{f.Key} ({f.Value.Samples.Count} samples)")) + $"; {trader} trader_* samples" +
                  (found.Count < before.Count ? "; none on " + string.Join(", ", before.Where(b => b.Value is null).Select(b => b.Key)) : ""),
            trader > 0));

        try
        {
            checks.AddRange(await new KillSwitchProbe(target, http).Run());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or Npgsql.NpgsqlException)
        {
            // A gateway that does not answer is a failed kill switch, not a crash of the smoke test.
            checks.Add(new("kill switch press on the PAPER book (POST /flatten)", $"<= {KillSwitchProbe.LimitMs:0} ms", "could not run: " + e.Message, false));
        }

        var after = await Scrape(http, target, metricsPath);
        var increased = found.Where(f => after.GetValueOrDefault(f.Key) is not null)
            .SelectMany(f => after[f.Key]!.CountersAbove(f.Value).Select(c => $"{c} {f.Value.Samples.GetValueOrDefault(c).ToString(CultureInfo.InvariantCulture)} -> {after[f.Key]!.Samples[c].ToString(CultureInfo.InvariantCulture)} ({f.Key})"))
            .ToList();
        checks.Add(new("metrics incrementing", ">= 1 counter higher after the smoke test's actions",
            increased.Count == 0 ? "no counter increased" : $"{increased.Count} counters increased, e.g. {string.Join("; ", increased.Take(3))}", increased.Count > 0));

        var broker = target.Db("broker-gateway");
        var notDerived = await broker.Rows(OrdersNotDerivedFromTheirPlan);
        var orders = await broker.Scalar("SELECT count(*) FROM orders", 0L);
        checks.Add(new("same plan generates same ids", "0 orders whose id is not tw-{execution_id}-{leg} (OCO legs: tw-{execution_id}-{leg}[-r{n}] in group oco-{execution_id}[-r{n}], n the re-placings)",
            notDerived.Count == 0 ? $"0 of {orders} orders" : $"{notDerived.Count} of {orders} orders, first: {notDerived[0][0]} (execution {notDerived[0][1]}, {notDerived[0][2]})",
            notDerived.Count == 0));
        // One level up: the execution itself is named after its recommendation's signal key. Checked on the latest
        // trading day, so executions a build before this rule recorded do not fail every later smoke test.
        var executions = await target.Db("dispatcher").Rows("""
            SELECT e.execution_id, r.signal_key FROM dispatch_executions e JOIN dispatch_recommendations r ON r.id = e.recommendation_id
            WHERE e.trading_date = (SELECT max(trading_date) FROM dispatch_executions)
            ORDER BY e.decision_ts, r.signal_key
            """);
        var randomIds = executions.Where(r => (Guid)r[0]! != Dispatcher.Domain.ExecutionIds.For((string)r[1]!)).ToList();
        checks.Add(new("same plan generates same execution ids", "0 executions of the latest day whose execution_id is not derived from its signal_key",
            randomIds.Count == 0 ? $"0 of {executions.Count} executions" : $"{randomIds.Count} of {executions.Count} executions, first: {randomIds[0][0]} ({randomIds[0][1]})",
            randomIds.Count == 0));
        var duplicates = await broker.Rows("SELECT lower(client_order_id), count(*) FROM orders GROUP BY 1 HAVING count(*) > 1 ORDER BY 1");
        checks.Add(new("no duplicate client_order_id", "0", duplicates.Count == 0 ? "0" : $"{duplicates.Count}, first: {duplicates[0][0]} x{duplicates[0][1]}", duplicates.Count == 0));

        foreach (var c in checks)
            output.WriteLine($"   {(c.Passed ? "PASS" : "FAIL")}  {c.Name}: {c.Observed} (expected {c.Expected})");
        Directory.CreateDirectory(reportsDir);
        var file = Path.Combine(reportsDir, $"smoke-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'Z'}.json");
        var verdict = checks.All(c => c.Passed) ? "PASS" : "FAIL";
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { at = DateTimeOffset.UtcNow, verdict, criteria = checks },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        output.WriteLine($"   smoke test: {verdict}   (written to {file})");
        return checks;
    }

    static async Task<SessionCheck> Answers(HttpClient http, SystemTarget target, ServiceInfo service, string[] paths)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                using var response = await http.GetAsync(target.Endpoint(service.Name, path));
                if (!response.IsSuccessStatusCode)
                    failures.Add($"{path} {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{path} no answer ({e.Message})");
            }
        }
        return new($"{service.Name}: endpoints answer", "2xx from " + string.Join(", ", paths),
            failures.Count == 0 ? $"{paths.Length} of {paths.Length} answered" : string.Join("; ", failures), failures.Count == 0);
    }

    /// <summary>Each service's metrics endpoint, found by asking every service in the catalog; null where none answers.</summary>
    static async Task<Dictionary<string, MetricsScrape?>> Scrape(HttpClient http, SystemTarget target, string path)
    {
        var scrapes = new Dictionary<string, MetricsScrape?>(StringComparer.Ordinal);
        foreach (var service in ServiceCatalog.All)
        {
            try
            {
                using var response = await http.GetAsync(target.Endpoint(service.Name, path));
                var scrape = response.IsSuccessStatusCode ? MetricsScrape.Parse(await response.Content.ReadAsStringAsync()) : null;
                scrapes[service.Name] = scrape is { Samples.Count: > 0 } ? scrape : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                scrapes[service.Name] = null;
            }
        }
        return scrapes;
    }
}
