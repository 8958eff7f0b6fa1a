using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;

namespace Tradewire.Cli;

/// <summary>
/// The main job: infrastructure up, build, all seven services started, a pipeline probe sent through every
/// service (each hop committed in that service's own database through its inbox and outbox), a report of
/// what happened, services stopped cleanly. RabbitMQ and PostgreSQL stay up for inspection.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> Run(RepoPaths paths)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine("== 1/5 infrastructure");
        if (await Shell.Run("bash", [paths.InfraScript, "up"], paths.Root) != 0)
            return Fail("infrastructure did not start");

        Console.WriteLine("== 2/5 build");
        if (await Shell.Run("dotnet", ["build", Path.Combine(paths.Root, "Microservices.sln"), "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly"], paths.Root) != 0)
            return Fail("build failed");

        var infra = InfraEnvironment.Load(paths);
        var token = OperatorToken.LoadOrCreate(paths);
        await using var fleet = new ServiceFleet(paths, infra, token);

        Console.WriteLine("== 3/5 services");
        foreach (var service in ServiceCatalog.All)
            fleet.Start(service);
        var notReady = await fleet.WaitUntilReady(TimeSpan.FromSeconds(120));
        if (notReady.Count > 0)
            return Fail("not ready: " + string.Join(", ", notReady.Select(s => $"{s.Name} (see ./tradewire logs {s.Name})")));
        foreach (var p in fleet.Running)
            Console.WriteLine($"   {p.Service.Name,-15} pid {p.Pid,-7} {p.Service.BaseAddress} ready");

        // Two probes: the first pays each service's warm-up (JIT, EF model, connection pools); the second
        // shows the steady-state cost of a hop (inbox claim, consume, outbox delivery, broker confirm).
        Console.WriteLine("== 4/5 pipeline probes");
        IReadOnlyList<Hop> hops = [];
        foreach (var label in new[] { "cold", "warm" })
        {
            var probeId = await StartProbe(token);
            hops = await WaitForProbe(infra, probeId, TimeSpan.FromSeconds(60));
            PrintProbe(label, probeId, hops);
            if (hops.Count != ServiceCatalog.All.Count)
                break;
        }

        Console.WriteLine("== 5/5 stop services");
        var codes = await fleet.StopAll(TimeSpan.FromSeconds(20));
        foreach (var (service, code) in codes)
            Console.WriteLine($"   {service.Name,-15} exited {code}");

        var ok = hops.Count == ServiceCatalog.All.Count && hops.Select(h => h.TraceId).Distinct().Count() == 1 && codes.All(c => c.ExitCode == 0);
        Console.WriteLine();
        Console.WriteLine(ok ? $"Demo passed in {total.Elapsed.TotalSeconds:F1} s." : "Demo FAILED (see above and ./tradewire logs <service>).");
        Console.WriteLine($"RabbitMQ and PostgreSQL are still running: ./tradewire psql <service>, management UI {infra.ManagementUri} " +
                          "(user and password in .tradewire/env); stop them with ./tradewire infra down.");
        return ok ? 0 : 1;
    }

    static async Task<Guid> StartProbe(string token)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsync(new Uri(ServiceCatalog.All[0].BaseAddress, "/probe"), null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ProbeAccepted>();
        return body!.ProbeId;
    }

    sealed record ProbeAccepted(Guid ProbeId);

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

    static void PrintProbe(string label, Guid probeId, IReadOnlyList<Hop> hops)
    {
        Console.WriteLine($"   {label} probe {probeId}: {hops.Count} of {ServiceCatalog.All.Count} services recorded it");
        Console.WriteLine($"   {"hop",-4}{"service",-16}{"+ms",8}  trace id");
        foreach (var h in hops)
            Console.WriteLine($"   {h.Index,-4}{h.Service,-16}{(h.ReceivedAt - h.StartedAt).TotalMilliseconds,8:F0}  {h.TraceId}");
        var traces = hops.Select(h => h.TraceId).Distinct().Count();
        Console.WriteLine(traces == 1 ? "   one trace id across every service" : $"   {traces} different trace ids (expected one)");
    }

    static int Fail(string why)
    {
        Console.Error.WriteLine("demo: " + why);
        return 1;
    }
}
