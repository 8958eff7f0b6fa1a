namespace Tradewire.Cli.Operate;

/// <summary>
/// The detached process behind <c>./tradewire up</c>: starts every unit, restarts one that dies after the backoff
/// policy's delay (each death and restart logged and kept in the state file), and on SIGTERM stops them in
/// pipeline order, giving each time to drain, then exits.
/// Consumers start before the producer: ingest is started only once every other unit is ready (or after
/// <see cref="UpCommand.ReadyLimit"/>), because a service declares its queues when it starts, and a message
/// published before its consumer's queue exists reaches nobody. On fresh queues a live feed would otherwise lose
/// the first minutes of every stage that came up after ingest.
/// </summary>
public sealed class Supervisor(RepoPaths paths, RunFiles files, IReadOnlyList<SupervisedUnit> units, InfraEnvironment infra, BackoffPolicy policy)
{
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30), DrainLimit = TimeSpan.FromSeconds(15);

    sealed class Slot(SupervisedUnit unit)
    {
        public SupervisedUnit Unit { get; } = unit;
        public ServiceProcess? Process { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? NextStartAt { get; set; }
        public int FailuresInARow { get; set; }
        public int RestartCount { get; set; }
        public string State { get; set; } = "stopped";
    }

    readonly List<Slot> _slots = units.Select(u => new Slot(u)).ToList();
    readonly List<SupervisorState.Restart> _restarts = [];
    readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    // The after-the-close outcome labelling: polled every half minute, one poll at a time, never holding up restarts.
    readonly Outcomes.OutcomeSchedule _outcomes = new(new ReplayProgress(infra).For, Log);
    Task _outcomesPoll = Task.CompletedTask;
    DateTimeOffset _outcomesDue = DateTimeOffset.UtcNow.AddSeconds(30);

    public async Task<int> Run(string feed, CancellationToken stop)
    {
        RunFiles.WriteAtomically(files.SupervisorPid, Environment.ProcessId.ToString());
        Log($"supervisor {Environment.ProcessId} starting {_slots.Count} processes (feed {feed})");
        var producers = _slots.Where(s => s.Unit.Name == "ingest").ToList();
        foreach (var slot in _slots.Except(producers))
            Start(slot);
        Save(feed);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var consumersSince = DateTimeOffset.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            if (producers.Count > 0 && await ConsumersReady(http, producers, consumersSince))
            {
                producers.ForEach(Start);
                producers.Clear();
                Save(feed);
            }
            if (Check())
                Save(feed);
            if (_outcomesPoll.IsCompleted && DateTimeOffset.UtcNow >= _outcomesDue)
                (_outcomesPoll, _outcomesDue) = (Task.Run(_outcomes.Poll), DateTimeOffset.UtcNow.AddSeconds(30));
            try { await Task.Delay(500, stop); }
            catch (OperationCanceledException) { }
        }
        await _outcomesPoll;
        await StopAll(feed);
        File.Delete(files.SupervisorPid);
        Log("supervisor stopped");
        return 0;
    }

    /// <summary>Whether the producers may start: every other unit answers ready, or they have had their time.</summary>
    async Task<bool> ConsumersReady(HttpClient http, IReadOnlyList<Slot> producers, DateTimeOffset since)
    {
        foreach (var slot in _slots.Except(producers))
            if (!await ReadyProbe.IsReady(http, slot.Unit.Service.BaseAddress, slot.Unit.ReadyPath))
            {
                if (DateTimeOffset.UtcNow - since < UpCommand.ReadyLimit)
                    return false;
                Log($"{slot.Unit.Name} is not ready {UpCommand.ReadyLimit.TotalSeconds:F0} s after the start; starting ingest anyway");
                return true;
            }
        Log("every consumer is ready; starting ingest");
        return true;
    }

    /// <summary>Notices deaths and starts what is due; true when something changed.</summary>
    bool Check()
    {
        var changed = false;
        var now = DateTimeOffset.UtcNow;
        foreach (var slot in _slots)
        {
            if (slot.State == "running" && slot.Process is { HasExited: true } dead)
            {
                var ranFor = now - slot.StartedAt!.Value;
                slot.FailuresInARow = policy.NextFailureCount(slot.FailuresInARow, ranFor);
                var delay = policy.Delay(slot.FailuresInARow);
                slot.NextStartAt = now + delay;
                slot.State = "waiting";
                slot.RestartCount++;
                _restarts.Add(new SupervisorState.Restart(now, slot.Unit.Name, dead.ExitCode, Math.Round(ranFor.TotalSeconds, 1), slot.FailuresInARow, delay.TotalSeconds));
                if (_restarts.Count > SupervisorState.RestartsKept)
                    _restarts.RemoveAt(0);
                Log($"{slot.Unit.Name} (pid {dead.Pid}) exited with code {dead.ExitCode} after {ranFor.TotalSeconds:F1} s; " +
                    $"restart #{slot.RestartCount} in {delay.TotalSeconds:F0} s ({slot.FailuresInARow} failure(s) in a row)");
                dead.Dispose();
                slot.Process = null;
                changed = true;
            }
            if (slot.State == "waiting" && slot.NextStartAt <= now)
            {
                Start(slot);
                changed = true;
            }
        }
        return changed;
    }

    void Start(Slot slot)
    {
        try
        {
            slot.Process = ServiceProcess.Start(slot.Unit.Service, slot.Unit.DllPath, paths.LogFile(slot.Unit.Service), slot.Unit.Environment, slot.Unit.Args);
            slot.StartedAt = DateTimeOffset.UtcNow;
            slot.NextStartAt = null;
            slot.State = "running";
            Log($"{slot.Unit.Name} started (pid {slot.Process.Pid})");
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // A start that fails (not built, no dotnet) is a failure like a death: retried after the backoff.
            slot.FailuresInARow++;
            var delay = policy.Delay(slot.FailuresInARow);
            slot.NextStartAt = DateTimeOffset.UtcNow + delay;
            slot.State = "waiting";
            Log($"{slot.Unit.Name} could not start ({e.Message}); retry in {delay.TotalSeconds:F0} s");
        }
    }

    /// <summary>Ingest first, broker-gateway last; after each stop, the queues are given time to drain downstream.</summary>
    async Task StopAll(string feed)
    {
        Log("stopping in pipeline order");
        foreach (var slot in _slots.OrderBy(s => SupervisedUnit.StopRank(s.Unit.Name)).ToList())
        {
            slot.State = "stopping";
            Save(feed);
            if (slot.Process is { } process)
            {
                var code = await process.Stop(StopGrace);
                Log($"{slot.Unit.Name} stopped (exit code {code})");
                process.Dispose();
                slot.Process = null;
            }
            slot.State = "stopped";
            Save(feed);
            if (slot != _slots[^1] && !await QueueDrain.Wait(infra, DrainLimit))
                Log($"queues not empty {DrainLimit.TotalSeconds:F0} s after stopping {slot.Unit.Name} (or the management API did not answer); going on");
        }
    }

    void Save(string feed) => new SupervisorState(Environment.ProcessId, _startedAt, feed,
        _slots.Select(s => new SupervisorState.Unit(s.Unit.Name, s.Process?.Pid, s.State, s.StartedAt, s.RestartCount, s.NextStartAt)).ToList(),
        _restarts.ToList()).Save(files);

    static void Log(string line) => Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fff}Z {line}");
}
