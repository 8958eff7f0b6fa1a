namespace Tradewire.Cli;

/// <summary>Starts the seven services as local processes against the local infrastructure, and stops them.</summary>
public sealed class ServiceFleet(RepoPaths paths, InfraEnvironment infra, string operatorToken) : IAsyncDisposable
{
    readonly List<ServiceProcess> _running = [];

    public IReadOnlyList<ServiceProcess> Running => _running;

    public ServiceProcess Start(ServiceInfo service, IReadOnlyDictionary<string, string>? overrides = null, string configuration = "Release")
    {
        var env = infra.ServiceVariables(service, operatorToken);
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>())
            env[k] = v;
        var process = ServiceProcess.Start(service, service.DllPath(paths.Root, configuration), paths.LogFile(service), env);
        _running.Add(process);
        return process;
    }

    /// <summary>
    /// Waits until every started service that is still alive reports ready; returns those that did not. A process
    /// killed on purpose (a drill, which starts a replacement) is not waited for.
    /// </summary>
    public async Task<IReadOnlyList<ServiceInfo>> WaitUntilReady(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var results = await Task.WhenAll(_running.Where(p => !p.HasExited).Select(async p => (p.Service, ready: await p.WaitUntilReady(http, timeout))));
        return results.Where(r => !r.ready).Select(r => r.Service).ToList();
    }

    /// <summary>Stops all (SIGTERM, in reverse pipeline order so nothing upstream feeds a stopped service).</summary>
    public async Task<IReadOnlyList<(ServiceInfo Service, int ExitCode)>> StopAll(TimeSpan grace)
    {
        var codes = new List<(ServiceInfo, int)>();
        foreach (var process in Enumerable.Reverse(_running).ToList())
        {
            codes.Add((process.Service, await process.Stop(grace)));
            process.Dispose();
            _running.Remove(process);
        }
        codes.Reverse();
        return codes;
    }

    public async ValueTask DisposeAsync() => await StopAll(TimeSpan.FromSeconds(10));
}
