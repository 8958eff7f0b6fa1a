namespace Tradewire.Cli.Operate;

/// <summary>Everything <c>./tradewire status</c> shows, gathered once; <see cref="StatusView"/> prints it.</summary>
public sealed record StatusSnapshot(
    int? SupervisorPid,
    RunSettings? Settings,
    SupervisorState? Supervisor,
    IReadOnlyList<(string Name, Uri Address, bool Ready)> Readiness,
    DateOnly? Session,
    IReadOnlyList<StageProgress> Stages,
    FeedStatus? Feed,
    string? TradingState)
{
    /// <summary>Up means a live supervisor and every process it keeps answering ready.</summary>
    public bool AllReady => SupervisorPid is not null && Readiness.Count > 0 && Readiness.All(r => r.Ready);
}
