namespace Tradewire.ServiceDefaults.Metrics;

/// <summary>
/// Sets gauges from the service's own state (its database) right before <c>/metrics</c> is answered, so a scrape
/// shows the ledger as committed at that moment. Registered scoped: each scrape gets a fresh DbContext.
/// </summary>
public interface IMetricsRefresh
{
    Task Refresh(CancellationToken token);
}
