namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// Crash recovery: a recommendation left PROCESSING (its run died after the claim) goes back to PENDING once
/// its claim is older than processing_ttl_minutes in market time: claimed_at &lt; T − ttl. The comparison itself is
/// the run's SQL (RecommendationStore.Reap); this is the cutoff it compares with.
/// </summary>
public static class Reaper
{
    public static DateTimeOffset Cutoff(DateTimeOffset marketTime, DispatcherConfig config) =>
        marketTime - TimeSpan.FromMinutes(config.ProcessingTtlMinutes);
}
