using System.Runtime.InteropServices;

namespace Tradewire.Cli.Operate;

/// <summary>Signals and liveness of processes known only by pid (the supervisor and its services outlive <c>up</c>).</summary>
public static class PosixProcess
{
    public const int SigKill = 9, SigTerm = 15;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    static extern int SysKill(int pid, int signal);

    public static bool Signal(int pid, int signal) => SysKill(pid, signal) == 0;

    /// <summary>
    /// The process's command line (arguments joined by spaces), or null when no such process is running. A zombie
    /// (exited, not yet reaped) counts as gone. Checking the command line guards against a reused pid.
    /// </summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            var status = File.ReadAllText($"/proc/{pid}/stat");
            var state = status[(status.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X")
                return null;
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static bool IsAlive(int pid, string commandLineContains) =>
        CommandLine(pid) is { } cmd && cmd.Contains(commandLineContains, StringComparison.Ordinal);

    /// <summary>Polls until the process is gone or the timeout passes; true when gone.</summary>
    public static async Task<bool> WaitForExit(int pid, string commandLineContains, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid, commandLineContains))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(200);
        }
        return true;
    }
}
