using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tradewire.Cli;

/// <summary>
/// A service running as its own OS process, its output appended to <c>.tradewire/logs/&lt;service&gt;.log</c>.
/// Stopped with SIGTERM (the host drains and exits 0) or, in fault drills, killed with SIGKILL.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    const int SigKill = 9, SigTerm = 15;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    static extern int SysKill(int pid, int signal);

    readonly Process _process;

    ServiceProcess(ServiceInfo service, Process process)
    {
        Service = service;
        _process = process;
    }

    public ServiceInfo Service { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static ServiceProcess Start(ServiceInfo service, string dllPath, string logFile, IReadOnlyDictionary<string, string> environment,
        params string[] extraArgs)
    {
        if (!File.Exists(dllPath))
            throw new FileNotFoundException($"{service.Name} is not built: {dllPath}");
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        // sh only sets up the redirection, then execs: the pid we hold is the service's own.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dllPath)! };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=$1; shift; exec dotnet \"$@\" >>\"$log\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(logFile);
        start.ArgumentList.Add(dllPath);
        foreach (var arg in extraArgs)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return new ServiceProcess(service, Process.Start(start) ?? throw new InvalidOperationException("Could not start " + service.Name));
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200, the process dies, or the timeout passes.</summary>
    public async Task<bool> WaitUntilReady(HttpClient http, TimeSpan timeout, CancellationToken token = default)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !token.IsCancellationRequested)
        {
            if (_process.HasExited)
                return false;
            try
            {
                using var response = await http.GetAsync(new Uri(Service.BaseAddress, "/health/ready"), token);
                if (response.IsSuccessStatusCode)
                    return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!token.IsCancellationRequested) { } // a slow answer while starting
            await Task.Delay(250, token);
        }
        return false;
    }

    /// <summary>SIGTERM, then wait; SIGKILL if it does not exit in time. Returns the exit code.</summary>
    public async Task<int> Stop(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            SysKill(_process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(grace);
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { Kill(); await _process.WaitForExitAsync(); }
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs (crash simulation).</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        SysKill(_process.Id, SigKill);
        // SIGKILL cannot be ignored, but the exit is reaped asynchronously: wait for it, so a caller that starts a
        // replacement at once never sees the dead process as still running.
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
