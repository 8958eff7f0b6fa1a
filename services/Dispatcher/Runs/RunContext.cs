using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Runs;

/// <summary>What every decision of one run shares: the run id, its tick (market time T) and its configuration.</summary>
sealed record RunContext(Guid RunId, RunTick Tick, DispatcherConfig Config, string ConfigSha)
{
    public DateTimeOffset MarketTime => Tick.EvaluatedAt;
}
