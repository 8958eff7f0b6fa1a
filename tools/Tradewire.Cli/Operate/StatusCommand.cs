using System.Net.Http.Headers;
using System.Text.Json;

namespace Tradewire.Cli.Operate;

/// <summary>
/// <c>./tradewire status</c>: one screen on the running system, from the supervisor's state, the services' health
/// and control endpoints and their <c>minute_progress</c> rows. Exit code 1 when something is not up and ready.
/// </summary>
public static class StatusCommand
{
    public static async Task<int> Run(RepoPaths paths)
    {
        var snapshot = await Gather(paths);
        Console.Write(StatusView.Render(snapshot, DateTimeOffset.UtcNow));
        return snapshot.AllReady ? 0 : 1;
    }

    public static async Task<StatusSnapshot> Gather(RepoPaths paths)
    {
        var files = RunFiles.For(paths);
        var pid = files.RunningSupervisor();
        var settings = RunSettings.Load(files);
        var state = pid is null ? null : SupervisorState.Load(files);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };

        var units = ServiceCatalog.All.Select(s => (s.Name, s.BaseAddress, ReadyPath: (string?)"/health/ready")).ToList();
        if (settings?.Feed == RunSettings.Simulated)
            units.Insert(0, (SupervisedUnit.MarketDataName, RunSettings.MarketDataServer, null));
        var readiness = new List<(string, Uri, bool)>();
        foreach (var (name, address, readyPath) in units)
            readiness.Add((name, address, await ReadyProbe.IsReady(http, address, readyPath)));

        var feed = await Feed(http);
        var progress = new ReplayProgress(InfraEnvironment.Load(paths));
        var session = feed?.Session is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", out var fromFeed) ? fromFeed : await LatestSession(progress);
        var stages = session is { } date ? await Stages(progress, date) : [];
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken.LoadOrCreate(paths));
        return new StatusSnapshot(pid, settings, state, readiness, session, stages, feed, await TradingState(http));
    }

    static async Task<FeedStatus?> Feed(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(ServiceCatalog.Find("ingest")!.BaseAddress, "/feed"));
            return response.IsSuccessStatusCode ? FeedStatus.Parse(await response.Content.ReadAsStringAsync()) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null; // not running, or a build without the endpoint: shown as unknown
        }
    }

    static async Task<string?> TradingState(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(ServiceCatalog.Find("broker-gateway")!.BaseAddress, "/risk"));
            if (!response.IsSuccessStatusCode)
                return null;
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var risk = doc.RootElement;
            var st = risk.GetProperty("state");
            var reason = st.TryGetProperty("reason", out var r) && r.GetString() is { Length: > 0 } why ? $" ({why})" : "";
            var equity = risk.TryGetProperty("equity", out var e) ? $", equity {e.GetDecimal():N2}" : "";
            return st.GetProperty("state").GetString() + reason + equity;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The latest session ingest has published a minute of (its minute_progress rows).</summary>
    static async Task<DateOnly?> LatestSession(ReplayProgress progress)
    {
        var rows = await Safe(() => progress.For("ingest").Rows("SELECT max(session_date) FROM minute_progress"));
        return rows is [[DateOnly d], ..] ? d : rows is [[DateTime t], ..] ? DateOnly.FromDateTime(t) : null;
    }

    static async Task<IReadOnlyList<StageProgress>> Stages(ReplayProgress progress, DateOnly session)
    {
        var stages = new List<StageProgress>();
        foreach (var service in ServiceCatalog.All)
        {
            var db = progress.For(service.Name);
            var last = await Safe(() => db.Rows("SELECT minute, acted_at FROM minute_progress WHERE session_date = $1 ORDER BY minute DESC LIMIT 1", session));
            DateTimeOffset? minute = last is [var row, ..] ? At(row[0]) : null, actedAt = last is [var row2, ..] ? At(row2[1]) : null;
            DateTimeOffset? upstreamActedAt = null;
            if (stages.Count > 0 && minute is { } m)
            {
                var upstream = await Safe(() => progress.For(stages[^1].Service).Rows("SELECT acted_at FROM minute_progress WHERE minute = $1", m));
                upstreamActedAt = upstream is [var up, ..] ? At(up[0]) : null;
            }
            stages.Add(new StageProgress(service.Name, minute, actedAt, upstreamActedAt));
        }
        return stages;
    }

    static DateTimeOffset? At(object? value) => value switch
    {
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        DateTimeOffset o => o,
        _ => null,
    };

    /// <summary>A database that is down or not migrated yet reads as "nothing yet", not a crash of status.</summary>
    static async Task<T?> Safe<T>(Func<Task<T>> read)
    {
        try { return await read(); }
        catch (Npgsql.NpgsqlException) { return default; }
    }
}
