using System.Text.Json;

namespace Tradewire.Cli.Operate;

/// <summary>
/// What the supervisor is doing, rewritten on every change to <c>.tradewire/run/state.json</c>: each process it
/// keeps (pid, state, restarts) and the latest restarts, newest last. <c>status</c> and <c>down</c> read it.
/// </summary>
public sealed record SupervisorState(int SupervisorPid, DateTimeOffset StartedAt, string Feed, IReadOnlyList<SupervisorState.Unit> Units,
    IReadOnlyList<SupervisorState.Restart> Restarts)
{
    public const int RestartsKept = 50;

    /// <summary>running | waiting (to restart after a death) | stopping | stopped.</summary>
    public sealed record Unit(string Name, int? Pid, string State, DateTimeOffset? StartedAt, int RestartCount, DateTimeOffset? NextStartAt);

    /// <summary>A death and the restart it scheduled.</summary>
    public sealed record Restart(DateTimeOffset At, string Unit, int ExitCode, double RanSeconds, int FailuresInARow, double DelaySeconds);

    public void Save(RunFiles files) => RunFiles.WriteAtomically(files.State, JsonSerializer.Serialize(this, JsonSerializerOptions.Web));

    public static SupervisorState? Load(RunFiles files)
    {
        try
        {
            return File.Exists(files.State) ? JsonSerializer.Deserialize<SupervisorState>(File.ReadAllText(files.State), JsonSerializerOptions.Web) : null;
        }
        catch (JsonException)
        {
            return null; // never half-written (atomic rename), but a hand-edited file must not break status
        }
    }
}
