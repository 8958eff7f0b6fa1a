namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// Crash recovery: a recommendation left PROCESSING (its run died after the claim) goes back to PENDING once
/// its claim is older than processing_ttl_minutes in market time: claimed_at &lt; T − ttl.
/// </summary>
public static class Reaper
{
    public static DateTimeOffset Cutoff(DateTimeOffset marketTime, DispatcherConfig config) =>
        marketTime - TimeSpan.FromMinutes(config.ProcessingTtlMinutes);

    public static bool IsStuck(DateTimeOffset claimedAt, DateTimeOffset marketTime, DispatcherConfig config) =>
        claimedAt < Cutoff(marketTime, config);
}
