namespace Tradewire.Cli.Operate;

/// <summary>
/// <c>./tradewire down</c>: asks the supervisor to stop (SIGTERM: it stops the services in pipeline order, each
/// given time to drain) and waits for it. Services a dead supervisor left behind are stopped too, in the same
/// order. Nothing running: says so and succeeds, so it is safe to run twice.
/// </summary>
public static class DownCommand
{
    public static readonly TimeSpan SupervisorLimit = TimeSpan.FromMinutes(6);

    public static async Task<int> Run(RepoPaths paths)
    {
        var files = RunFiles.For(paths);
        var supervisor = files.RunningSupervisor();
        if (supervisor is { } pid)
        {
            Console.WriteLine($"stopping the services in pipeline order (supervisor pid {pid}; log {files.SupervisorLog})");
            PosixProcess.Signal(pid, PosixProcess.SigTerm);
            var printed = new HashSet<string>();
            var deadline = DateTime.UtcNow + SupervisorLimit;
            while (PosixProcess.IsAlive(pid, "supervise") && DateTime.UtcNow < deadline)
            {
                PrintStopped(files, printed);
                await Task.Delay(300);
            }
            PrintStopped(files, printed);
            if (PosixProcess.IsAlive(pid, "supervise"))
            {
                Console.Error.WriteLine($"down: the supervisor did not stop within {SupervisorLimit.TotalMinutes:F0} min; killing it and what it runs");
                PosixProcess.Signal(pid, PosixProcess.SigKill);
            }
        }
        var leftovers = await StopLeftovers(files);
        if (File.Exists(files.SupervisorPid))
            File.Delete(files.SupervisorPid);
        Console.WriteLine(leftovers > 0 ? $"Down ({leftovers} process(es) left by a dead supervisor stopped)."
            : supervisor is not null ? "Down." : "Down: no Tradewire service is running.");
        return 0;
    }

    static void PrintStopped(RunFiles files, HashSet<string> printed)
    {
        foreach (var unit in SupervisorState.Load(files)?.Units ?? [])
            if (unit.State == "stopped" && printed.Add(unit.Name))
                Console.WriteLine($"   {unit.Name} stopped");
    }

    /// <summary>Services whose recorded pid still runs them (the supervisor was killed): SIGTERM in stop order, then SIGKILL.</summary>
    static async Task<int> StopLeftovers(RunFiles files)
    {
        var state = SupervisorState.Load(files);
        if (state is null)
            return 0;
        var stopped = 0;
        foreach (var unit in state.Units.Where(u => u.Pid is not null).OrderBy(u => SupervisedUnit.StopRank(u.Name)))
        {
            var marker = unit.Name == SupervisedUnit.MarketDataName ? "Tradewire.FakeVenue.dll" : ServiceCatalog.Find(unit.Name)!.AssemblyName + ".dll";
            if (!PosixProcess.IsAlive(unit.Pid!.Value, marker))
                continue;
            PosixProcess.Signal(unit.Pid.Value, PosixProcess.SigTerm);
            if (!await PosixProcess.WaitForExit(unit.Pid.Value, marker, Supervisor.StopGrace))
                PosixProcess.Signal(unit.Pid.Value, PosixProcess.SigKill);
            Console.WriteLine($"   {unit.Name} (pid {unit.Pid}) stopped");
            stopped++;
        }
        return stopped;
    }
}
