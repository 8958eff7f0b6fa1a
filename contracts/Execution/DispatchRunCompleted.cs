namespace Tradewire.Contracts.Execution;

/// <summary>
/// Event: the dispatcher's run for one market minute finished. <see cref="OrdersSent"/> is how many
/// <see cref="PlaceBracketOrder"/> commands the run sent (in the same transaction), so the broker-gateway knows
/// the minute's orders are complete before it moves its simulated market past the minute.
/// </summary>
public sealed record DispatchRunCompleted
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset Minute { get; init; }
    public required Guid RunId { get; init; }
    public required int OrdersSent { get; init; }

    /// <summary>
    /// Recommendations left PROCESSING, undecided, whose signal is more than ten market minutes older than the run (the
    /// shakedown plan's stuck-row query on market time): 0 while the reaper works. Null from a dispatcher that does not
    /// count them (added later; optional so that older messages stay valid).
    /// </summary>
    public int? StuckProcessing { get; init; }
}
