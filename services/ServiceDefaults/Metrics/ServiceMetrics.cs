using Prometheus;

namespace Tradewire.ServiceDefaults.Metrics;

/// <summary>
/// The service's Prometheus registry (prometheus-net) behind <c>/metrics</c>. One registry per host rather than
/// the library's static default: the integration tests run several services in one process, and each must show
/// only its own series. Before every scrape the registered <see cref="IMetricsRefresh"/> set their gauges; one that
/// fails (the database restarting) is logged and counted, and the scrape still answers with everything else.
/// </summary>
public sealed class ServiceMetrics
{
    readonly Counter refreshFailures;

    public ServiceMetrics(IServiceScopeFactory scopes, ILogger<ServiceMetrics> log)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        refreshFailures = Factory.CreateCounter("trader_metrics_refresh_failures_total",
            "Scrapes where a gauge source failed; its gauges keep their previous values.", ["source"]);
        Registry.AddBeforeCollectCallback(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var source in scope.ServiceProvider.GetServices<IMetricsRefresh>())
            {
                try
                {
                    await source.Refresh(token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    refreshFailures.WithLabels(source.GetType().Name).Inc();
                    log.LogWarning(e, "Metrics source {Source} failed; its gauges keep their previous values", source.GetType().Name);
                }
            }
        });
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Where every collector of this service is created (<c>trader_*</c> names).</summary>
    public IMetricFactory Factory { get; }
}
