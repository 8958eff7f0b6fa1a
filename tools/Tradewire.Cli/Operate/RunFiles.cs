namespace Tradewire.Cli.Operate;

/// <summary>
/// Where the always-on system keeps its local state (<c>.tradewire/run/</c>): the supervisor's pid, log and state,
/// and the settings <c>up</c> chose. No secret is written here: keys reach the services through the environment.
/// </summary>
public sealed record RunFiles(string Dir)
{
    public static RunFiles For(RepoPaths paths) => new(Path.Combine(paths.StateDir, "run"));

    public string SupervisorPid => Path.Combine(Dir, "supervisor.pid");
    public string SupervisorLog => Path.Combine(Dir, "supervisor.log");
    public string State => Path.Combine(Dir, "state.json");
    public string Settings => Path.Combine(Dir, "settings.json");

    /// <summary>The supervisor's pid when one is running (its pid file names a live supervisor process).</summary>
    public int? RunningSupervisor()
    {
        if (!File.Exists(SupervisorPid) || !int.TryParse(File.ReadAllText(SupervisorPid).Trim(), out var pid))
            return null;
        return PosixProcess.CommandLine(pid) is { } cmd && cmd.Contains("tradewire.dll") && cmd.Contains("supervise") ? pid : null;
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
