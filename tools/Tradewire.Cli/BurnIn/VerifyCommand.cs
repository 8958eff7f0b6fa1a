using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// <c>./tradewire verify</c>, the burn-in plan's pre-open "make verify" on the local system: the infrastructure
/// configuration complete (variable NAMES only, never values), RabbitMQ answering, every service's database
/// reachable with every migration of its project applied (schema_migrations), every service ready
/// (<c>/health/ready</c>); then the mode, trading state and the market session. Exit code 1 on any FAIL.
/// </summary>
public static class VerifyCommand
{
    static readonly string[] Required =
    [
        "TRADEWIRE_PG_HOST", "TRADEWIRE_PG_PORT", "TRADEWIRE_PG_ADMIN_USER", "TRADEWIRE_PG_ADMIN_PASSWORD",
        "TRADEWIRE_RABBIT_HOST", "TRADEWIRE_RABBIT_PORT", "TRADEWIRE_RABBIT_MGMT_PORT", "TRADEWIRE_RABBIT_USER", "TRADEWIRE_RABBIT_PASSWORD",
    ];

    public static Command Definition(RepoPaths paths)
    {
        var command = new Command("verify", "the burn-in plan's pre-open check: configuration, RabbitMQ, databases and migrations, services ready");
        command.SetAction(_ => Run(paths));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths)
    {
        var checks = new List<SessionCheck>();
        var env = File.Exists(paths.EnvFile)
            ? File.ReadAllLines(paths.EnvFile).Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.Ordinal)
            : [];
        var names = Required.Concat(ServiceCatalog.All.Select(s => $"TRADEWIRE_DB_{s.Database.ToUpperInvariant()}_PASSWORD")).ToList();
        var missing = names.Where(n => !env.Contains(n)).ToList();
        checks.Add(new("configuration variables present (.tradewire/env)", $"{names.Count} names", missing.Count == 0 ? "all present" : "missing: " + string.Join(", ", missing), missing.Count == 0));
        checks.Add(new("operator token present", paths.OperatorTokenFile, File.Exists(paths.OperatorTokenFile) ? "present" : "missing", File.Exists(paths.OperatorTokenFile)));
        if (missing.Count > 0)
            return Print(checks);

        var infra = InfraEnvironment.Load(paths);
        using (var management = infra.ManagementClient())
            checks.Add(await Http("RabbitMQ answering (management /api/overview)", () => management.GetAsync("api/overview")));
        var progress = new ReplayProgress(infra);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken.LoadOrCreate(paths));
        foreach (var service in ServiceCatalog.All)
        {
            var files = Directory.GetFiles(Path.Combine(paths.Root, "services", service.ProjectDir, "Migrations"), "*.sql")
                .Select(f => $"{service.AssemblyName}/{Path.GetFileNameWithoutExtension(f)}").ToList();
            try
            {
                var applied = (await progress.For(service.Name).Rows("SELECT id FROM schema_migrations")).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
                var notApplied = files.Where(f => !applied.Contains(f)).ToList();
                checks.Add(new($"{service.Name}: PostgreSQL reachable, migrations applied", $"{files.Count} of its migrations in schema_migrations",
                    notApplied.Count == 0 ? $"{applied.Count} applied" : "not applied: " + string.Join(", ", notApplied), notApplied.Count == 0));
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
            {
                checks.Add(new($"{service.Name}: PostgreSQL reachable, migrations applied", "reachable", e.Message, false));
            }
            checks.Add(await Http($"{service.Name}: ready", () => http.GetAsync(new Uri(service.BaseAddress, "/health/ready"))));
        }
        var code = Print(checks);
        await Status(http);
        return code;
    }

    /// <summary>Mode, trading state and market session: information for the operator, not a pass/fail.</summary>
    static async Task Status(HttpClient http)
    {
        var session = SessionDates.LatestCompleted(new NyseCalendar(), DateTimeOffset.UtcNow);
        try
        {
            var config = JsonDocument.Parse(await http.GetStringAsync(new Uri(ServiceCatalog.Find("dispatcher")!.BaseAddress, "/config"))).RootElement;
            var risk = JsonDocument.Parse(await http.GetStringAsync(new Uri(ServiceCatalog.Find("broker-gateway")!.BaseAddress, "/risk"))).RootElement;
            Console.WriteLine($"   mode {config.GetProperty("execution_mode").GetString()}, trading state {risk.GetProperty("state").GetProperty("state").GetString()}" +
                              $" ({risk.GetProperty("state").GetProperty("reason").GetString()})");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            Console.WriteLine($"   mode and trading state unknown: {e.Message}");
        }
        Console.WriteLine($"   market: latest completed NYSE session {session.Date:yyyy-MM-dd}, {session.OpenUtc:HH:mm}-{session.CloseUtc:HH:mm} UTC{(session.IsEarlyClose ? " (early close)" : "")}");
    }

    static async Task<SessionCheck> Http(string name, Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using var response = await call();
            return new(name, "2xx", $"{(int)response.StatusCode} {response.ReasonPhrase}", response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new(name, "2xx", "no answer: " + e.Message, false);
        }
    }

    static int Print(IReadOnlyList<SessionCheck> checks)
    {
        foreach (var c in checks)
            Console.WriteLine($"   {(c.Passed ? "PASS" : "FAIL")}  {c.Name}: {c.Observed} (expected {c.Expected})");
        Console.WriteLine(checks.All(c => c.Passed) ? "verify: ready" : "verify: NOT ready");
        return checks.All(c => c.Passed) ? 0 : 1;
    }
}
