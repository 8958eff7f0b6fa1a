namespace Tradewire.Dispatcher.Runs;

/// <summary>
/// Crash points inside a run, for drills and tests. <see cref="AfterClaimCommit"/> runs right after the claim
/// committed (rows PROCESSING) and before any is decided: throwing there is a run that died mid-way.
/// </summary>
public interface IDispatchFaults
{
    void AfterClaimCommit(Guid runId, IReadOnlyList<long> claimedIds);
}

/// <summary>Production: no faults.</summary>
public sealed class NoDispatchFaults : IDispatchFaults
{
    public void AfterClaimCommit(Guid runId, IReadOnlyList<long> claimedIds) { }
}
