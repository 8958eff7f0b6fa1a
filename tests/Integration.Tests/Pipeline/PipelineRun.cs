using Xunit;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tradewire.Cli;
using Tradewire.Integration.Tests.Support;
using Tradewire.ServiceDefaults.MarketTime;

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

    PipelineRun(Dictionary<string, string> databases)
    {
        _databases = databases;
        Progress = new ReplayProgress(s => _databases[s.Name]);
    }

    public ReplayProgress Progress { get; }

    public string Database(string service) => _databases[service];

    public static async Task<PipelineRun> Start()
    {
        var databases = new Dictionary<string, string>();
        foreach (var service in ServiceCatalog.All)
            databases[service.Name] = await LocalInfra.CreateDatabase("e2e_" + service.Database);
        await Environments.DeleteQueues(LocalInfra.Environment);
        var run = new PipelineRun(databases);
        foreach (var service in ServiceCatalog.All)
            run.StartService(service.Name);
        var notReady = await run._fleet.WaitUntilReady(TimeSpan.FromSeconds(120));
        if (notReady.Count > 0)
            await run.DisposeAsync(); // the caller never gets the run to dispose: stop the processes here, or they outlive the test (and hold the infra lock they inherited)
        Assert.True(notReady.Count == 0, "not ready: " + string.Join(", ", notReady.Select(s => s.Name)));
        return run;
    }

    public ServiceProcess StartService(string name)
    {
        var service = Fleet.Service(name);
        var process = _fleet.Start(service, new Dictionary<string, string> { ["ConnectionStrings__Database"] = _databases[name] }, Fleet.Configuration);
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
