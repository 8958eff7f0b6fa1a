using Tradewire.Contracts.Signals;

namespace Tradewire.Signal.Domain;

/// <summary>The outcome of one minute: the recommendations emitted and the latest bar of every symbol with features.</summary>
public sealed record SignalStep(DateTimeOffset Minute, DateTimeOffset EvaluatedAt,
    IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<LatestBar> LatestBars);
