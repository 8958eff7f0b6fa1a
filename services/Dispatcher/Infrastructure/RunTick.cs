using Tradewire.Contracts.Signals;

namespace Tradewire.Dispatcher.Infrastructure;

/// <summary>An undone run tick: its market minute, its market time T (evaluated_at) and the latest bars then.</summary>
sealed record RunTick(DateTimeOffset Minute, DateOnly SessionDate, DateTimeOffset EvaluatedAt, IReadOnlyList<LatestBar> LatestBars)
{
    public LatestBar? BarFor(string ticker) => LatestBars.FirstOrDefault(b => string.Equals(b.Ticker, ticker, StringComparison.Ordinal));
}
