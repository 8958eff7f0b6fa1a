using System.Diagnostics;

namespace Tradewire.Cli;

/// <summary>Runs a child command with the terminal's stdio and returns its exit code.</summary>
public static class Shell
{
    public static async Task<int> Run(string file, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
            start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
