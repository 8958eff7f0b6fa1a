using Tradewire.Contracts.Signals;

namespace Tradewire.Dispatcher.Runs;

/// <summary>An undone run tick: its market minute, its market time T (evaluated_at) and the latest bars then.</summary>
sealed record RunTick(DateTimeOffset Minute, DateOnly SessionDate, DateTimeOffset EvaluatedAt, IReadOnlyList<LatestBar> LatestBars)
{
    /// <summary>The trace of the message that recorded the tick, which the run continues; null if it had none.</summary>
    public string? TraceParent { get; init; }

    public LatestBar? BarFor(string ticker) => LatestBars.FirstOrDefault(b => string.Equals(b.Ticker, ticker, StringComparison.Ordinal));
}
