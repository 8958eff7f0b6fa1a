namespace Tradewire.Integration.Tests.Pipeline;

/// <summary>
/// The seven real service processes, each on a fresh database of its own (so a test never sees the demo's
/// data or another test's), with every queue deleted first. Replays a recorded session through them.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    readonly Dictionary<string, string> _databases;
    readonly ServiceFleet _fleet = Fleet.Create();
    readonly Dictionary<string, ServiceProcess> _processes = new();
    /// <summary>Extra environment settings per service, kept for the service's later restarts.</summary>
    readonly Dictionary<string, IReadOnlyDictionary<string, string>> _settings;

    PipelineRun(Dictionary<string, string> databases, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> settings)
    {
        _databases = databases;
        _settings = new(settings);
        Progress = new ReplayProgress(s => _databases[s.Name]);
    }

    public ReplayProgress Progress { get; }

    public string Database(string service) => _databases[service];

    /// <param name="except">Services not started yet (a test starts them later, e.g. with settings it learns meanwhile).</param>
    public static Task<PipelineRun> Start(params string[] except) => Start(new Dictionary<string, IReadOnlyDictionary<string, string>>(), except);

    /// <param name="settings">Extra configuration per service name (environment variable style, e.g. <c>Risk__MaxOrdersPerDay</c>).</param>
    /// <param name="except">Services not started yet.</param>
    public static async Task<PipelineRun> Start(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> settings, params string[] except)
    {
        var databases = new Dictionary<string, string>();
        foreach (var service in ServiceCatalog.All)
            databases[service.Name] = await LocalInfra.CreateDatabase("e2e_" + service.Database);
        await Environments.DeleteQueues(LocalInfra.Environment);
        var run = new PipelineRun(databases, settings);
        foreach (var service in ServiceCatalog.All.Where(s => !except.Contains(s.Name)))
            run.StartService(service.Name);
        var notReady = await run._fleet.WaitUntilReady(TimeSpan.FromSeconds(120));
        if (notReady.Count > 0)
        {
            // Nobody will dispose a run that failed to start: stop its processes here, or they outlive the test.
            await run.DisposeAsync();
            Assert.Fail("not ready: " + string.Join(", ", notReady.Select(s => s.Name)));
        }
        return run;
    }

    /// <param name="settings">Extra environment settings, kept for the service's later restarts.</param>
    public ServiceProcess StartService(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var service = Fleet.Service(name);
        if (settings is not null)
            _settings[name] = settings;
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Database"] = _databases[name] };
        foreach (var (key, value) in _settings.GetValueOrDefault(name) ?? new Dictionary<string, string>())
            environment[key] = value;
        var process = _fleet.Start(service, environment, Fleet.Configuration);
        _processes[name] = process;
        return process;
    }

    /// <summary>SIGKILL, as a crash: no shutdown hooks run.</summary>
    public void Kill(string name) => _processes[name].Kill();

    public async Task WaitUntilReady() =>
        Assert.Empty(await _fleet.WaitUntilReady(TimeSpan.FromSeconds(120)));

    public static async Task<HttpResponseMessage> Replay(string path, DateOnly date, decimal speed = 0)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Fleet.OperatorToken);
        return await http.PostAsJsonAsync(new Uri(Fleet.Service("ingest").BaseAddress, "/replay"),
            new { path, sessionDate = date.ToString("yyyy-MM-dd"), speed });
    }

    public Task<bool> WaitForSession(TradingSession session, TimeSpan timeout) => DemoCommand.WaitForSession(Progress, session, timeout);

    /// <summary>Stops every running service (SIGTERM); returns their exit codes. The databases stay.</summary>
    public async Task<IReadOnlyList<(ServiceInfo Service, int ExitCode)>> StopAll() => await _fleet.StopAll(TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();
}
