using System.Diagnostics;

namespace Tradewire.Integration.Tests.Operate;

/// <summary>
/// The built <c>tradewire</c> CLI run as the operator runs it, with a state directory of its own (a copy of the
/// infrastructure's env file, nothing else), so the supervisor, its log and the service logs stay out of the
/// shared <c>.tradewire/</c>.
/// </summary>
public sealed class OperatorCli : IDisposable
{
    public OperatorCli()
    {
        StateDir = Path.Combine(Path.GetTempPath(), "tradewire-operate-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(StateDir);
        File.Copy(LocalInfra.Paths.EnvFile, Path.Combine(StateDir, "env"));
        Paths = LocalInfra.Paths with { StateDir = StateDir };
    }

    public string StateDir { get; }
    public RepoPaths Paths { get; }

    static string Dll => Path.Combine(LocalInfra.Paths.Root, "tools", "Tradewire.Cli", "bin", Fleet.Configuration, "net10.0", "tradewire.dll");

    /// <summary>Runs <c>tradewire ARGS</c> to its end; its exit code and everything it printed (stdout then stderr).</summary>
    public async Task<(int Code, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = LocalInfra.Paths.Root };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["TRADEWIRE_STATE_DIR"] = StateDir;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        // A failed test must not leave services holding the fixed ports: down is safe when already down.
        Run("down").GetAwaiter().GetResult();
        try { Directory.Delete(StateDir, recursive: true); }
        catch (IOException) { }
    }
}
