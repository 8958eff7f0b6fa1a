namespace Tradewire.Contracts.Signals;

/// <summary>
/// Event: the signal engine evaluated one market minute. Exactly one per session minute (empty
/// <see cref="Recommendations"/> included); it is also the dispatcher's run tick for that minute.
/// </summary>
public sealed record SignalsEvaluated
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset Minute { get; init; }

    /// <summary>Market time of the evaluation: the minute's close (<c>Minute + 1 min</c>).</summary>
    public required DateTimeOffset EvaluatedAt { get; init; }

    public required IReadOnlyList<Recommendation> Recommendations { get; init; }

    /// <summary>Latest close per symbol at <see cref="EvaluatedAt"/>, for the dispatcher's freshness gates.</summary>
    public required IReadOnlyList<LatestBar> LatestBars { get; init; }
}
