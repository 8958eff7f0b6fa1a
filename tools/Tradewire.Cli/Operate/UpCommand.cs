using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Operate;

/// <summary>
/// <c>./tradewire up</c>: checks the settings, starts the detached supervisor (which starts the services and keeps
/// them running) and returns once every process answers, printing where each one listens and where logs go.
/// The services' databases are used as they are: they are the operator's records across up and down.
/// </summary>
public static class UpCommand
{
    public static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(120);

    public sealed record Options(string Feed, string? Session, decimal? Speed, DateOnly? Date, TimeSpan? OpensIn = null);

    public static async Task<int> Run(RepoPaths paths, Options options)
    {
        var files = RunFiles.For(paths);
        if (files.RunningSupervisor() is { } pid)
        {
            var feed = RunSettings.Load(files)?.Feed ?? "?";
            Console.WriteLine($"Tradewire is already up (supervisor pid {pid}, feed {feed}); nothing changed. " +
                              "./tradewire status shows it; ./tradewire down first to start it with other settings.");
            return 0;
        }
        var settings = Settings(paths, options, out var secrets);
        var busy = ServiceCatalog.All.Select(s => s.Port).Append(RunSettings.MarketDataServer.Port).Where(PortInUse).ToList();
        if (busy.Count > 0)
            throw new InvalidOperationException($"port(s) {string.Join(", ", busy)} already in use (a demo, a test or services left running?); " +
                                                "stop them first (./tradewire down stops services a dead supervisor left).");
        var infra = InfraEnvironment.Load(paths);
        await RequireDatabase(infra);
        if (settings.Date is { } date && await SessionAlreadyHeld(infra, date))
            throw new InvalidOperationException($"ingest's database already holds the session of {date:yyyy-MM-dd}: played live again it would publish nothing. " +
                                                "Choose another --date (the recording is played as any trading date).");
        var units = SupervisedUnit.Plan(paths, settings, infra, OperatorToken.LoadOrCreate(paths), k => secrets.GetValueOrDefault(k) ?? Environment.GetEnvironmentVariable(k));
        var missing = units.Where(u => !File.Exists(u.DllPath)).Select(u => u.DllPath).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException("not built: " + string.Join(", ", missing) + " (dotnet build tools/Tradewire.Cli -c Release builds them)");

        Directory.CreateDirectory(files.Dir);
        settings.Save(files);
        if (File.Exists(files.State))
            File.Delete(files.State);
        StartSupervisor(files, secrets);
        var supervisor = await WaitForSupervisor(files, TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException($"the supervisor did not start; see {files.SupervisorLog}");
        Console.WriteLine($"supervisor pid {supervisor} (log {files.SupervisorLog}); feed {settings.Feed}, trading mode {settings.TradingMode}");

        // Ingest starts only once the others are ready (or ReadyLimit passed), so it may take up to twice as long.
        var ready = await ReadyProbe.WaitAll(units, ReadyLimit * 2);
        foreach (var unit in units)
            Console.WriteLine($"   {unit.Name,-15} {unit.Service.BaseAddress,-24} {(ready[unit.Name] ? "ready" : "NOT READY"),-10} log {paths.LogFile(unit.Service)}");
        if (settings.ClockOrigin is { } origin && settings.ClockStartedAt is { } startedAt && settings.Date is { } day)
        {
            var opensAt = startedAt + (new NyseCalendar().GetSession(day)!.OpenUtc - origin) / (double)settings.ClockSpeed;
            Console.WriteLine($"   market clock: {origin:O} at {startedAt:O} (wall), x{settings.ClockSpeed}; the session of {day:yyyy-MM-dd} opens at {opensAt:HH:mm:ss}Z (wall)");
        }
        if (ready.Values.All(r => r))
        {
            Console.WriteLine(settings.Feed == RunSettings.Replay
                ? "Up. Ingest waits for a recorded session: ./tradewire replay DIR [--date yyyy-MM-dd]. ./tradewire status; ./tradewire down."
                : "Up. ./tradewire status; ./tradewire down.");
            return 0;
        }
        Console.Error.WriteLine("up: not every process became ready; the supervisor keeps restarting them (./tradewire status, ./tradewire logs <service>, ./tradewire down).");
        return 1;
    }

    /// <summary>The run's settings from the options; data keys (never printed, never written) into <paramref name="secrets"/>.</summary>
    static RunSettings Settings(RepoPaths paths, Options o, out Dictionary<string, string> secrets)
    {
        secrets = [];
        var mode = Environment.GetEnvironmentVariable("Broker__Mode") is { Length: > 0 } m ? m.ToUpperInvariant() : "PAPER";
        if (o.Feed != RunSettings.Simulated && (o.Session is not null || o.Speed is not null || o.Date is not null || o.OpensIn is not null))
            throw new InvalidOperationException("--session, --speed, --date and --opens-in set the simulated feed's session and clock (--feed simulated); " +
                                                "with the replay feed, replay a session with ./tradewire replay DIR [--date D] [--speed N]");
        if (o.Feed == RunSettings.Alpaca)
        {
            string[][] pairs = [[SupervisedUnit.DataKeyId, "APCA_API_KEY_ID"], [SupervisedUnit.DataSecretKey, "APCA_API_SECRET_KEY"]];
            var unset = pairs.Where(p => p.All(n => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(n)))).Select(p => $"{p[0]} (or {p[1]})").ToList();
            if (unset.Count > 0)
                throw new InvalidOperationException("--feed alpaca needs Alpaca's market-data keys in the environment; not set: " + string.Join(", ", unset));
            return new RunSettings(o.Feed, null, null, 1m, null, null, mode);
        }
        if (o.Feed == RunSettings.Replay)
            return new RunSettings(o.Feed, null, null, 1m, null, null, mode);

        var dir = Path.GetFullPath(o.Session ?? Path.Combine(paths.Root, "data", "sample-session"));
        var manifest = Path.Combine(dir, "manifest.json");
        if (!File.Exists(manifest))
            throw new InvalidOperationException($"--session {dir}: no manifest.json there (a recorded session: docs/replay-format.md)");
        var date = o.Date ?? ManifestDate(manifest);
        var session = new NyseCalendar().GetSession(date) ?? throw new InvalidOperationException($"--date {date:yyyy-MM-dd} is not a trading day");
        var speed = o.Speed ?? 1m;
        if (speed <= 0)
            throw new InvalidOperationException("--speed must be above 0 (market minutes per wall minute)");
        secrets[SupervisedUnit.DataKeyId] = "SIM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        secrets[SupervisedUnit.DataSecretKey] = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        // The same three clock settings for every service and the server. By default the clock starts ReadyLimit of
        // wall time before the open, so that the services are up when the first bar comes (at 390 x the session lasts
        // a wall minute: started at the open, the day would be over before the services were); until the open they
        // idle. A session that opens before ingest is up is not lost: ingest backfills the minutes it missed.
        var origin = session.OpenUtc - (o.OpensIn ?? ReadyLimit) * (double)speed;
        return new RunSettings(o.Feed, dir, date, speed, origin, DateTimeOffset.UtcNow, mode);
    }

    static DateOnly ManifestDate(string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        return doc.RootElement.TryGetProperty("date", out var d) && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", out var date)
            ? date
            : throw new InvalidOperationException($"{manifest}: no \"date\": \"yyyy-MM-dd\"");
    }

    static async Task RequireDatabase(InfraEnvironment infra)
    {
        try
        {
            await using var c = new Npgsql.NpgsqlConnection(infra.AdminConnectionString());
            await c.OpenAsync();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"PostgreSQL is not answering ({e.Message}); ./tradewire infra up starts it");
        }
    }

    /// <summary>Whether ingest already published minutes of <paramref name="date"/> (a database without ingest's tables holds none).</summary>
    static async Task<bool> SessionAlreadyHeld(InfraEnvironment infra, DateOnly date)
    {
        try
        {
            return await new ReplayProgress(infra).For("ingest").Scalar("SELECT count(*) FROM minute_progress WHERE session_date = $1", 0L, date) > 0;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.UndefinedTable or Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    static bool PortInUse(int port)
    {
        using var client = new TcpClient();
        try { return client.ConnectAsync("127.0.0.1", port).Wait(300); }
        catch (AggregateException) { return false; }
    }

    /// <summary>
    /// setsid, so the supervisor is in a session of its own: a closed terminal or a Ctrl-C in it does not reach it.
    /// Its output is appended to its log; the data keys reach it through its environment only. Descriptors that
    /// <c>up</c> inherited (a <c>flock</c>'s lock, a test runner's pipe) are closed first: the supervisor outlives
    /// <c>up</c> and must not hold them.
    /// </summary>
    static void StartSupervisor(RunFiles files, IReadOnlyDictionary<string, string> secrets)
    {
        const string script = """
            exec </dev/null >>"$1" 2>&1
            for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done
            exec dotnet "$0" supervise
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(files.Dir)! };
        foreach (var a in new[] { "/bin/bash", "-c", script, Path.Combine(AppContext.BaseDirectory, "tradewire.dll"), files.SupervisorLog })
            start.ArgumentList.Add(a);
        foreach (var (k, v) in secrets)
            start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the supervisor");
    }

    static async Task<int?> WaitForSupervisor(RunFiles files, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (files.RunningSupervisor() is { } pid)
                return pid;
            await Task.Delay(200);
        }
        return null;
    }
}
