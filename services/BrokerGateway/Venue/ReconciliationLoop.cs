namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// Runs <see cref="VenueReconciler"/> at start-up, then every <c>Reconciliation:Interval</c> (60 s). A run that
/// could not read the venue is retried every <c>Reconciliation:RetryInterval</c> (5 s) instead; the first run that
/// reads it again is the reconciliation after the reconnect (trigger <c>reconnect</c>), which is when orders and
/// fills the gateway missed while cut off show up.
/// </summary>
public sealed class ReconciliationLoop(IServiceProvider services, IConfiguration configuration, ILogger<ReconciliationLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Reconciliation:Interval", TimeSpan.FromSeconds(60));
        var retry = configuration.GetValue("Reconciliation:RetryInterval", TimeSpan.FromSeconds(5));
        var trigger = "startup";
        var cutOff = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var status = VenueReconciler.Status.Failed;
            try
            {
                await using var scope = services.CreateAsyncScope();
                status = (await scope.ServiceProvider.GetRequiredService<VenueReconciler>().Run(cutOff ? "reconnect" : trigger, recordFailure: !cutOff)).Status;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reconciliation failed");
            }
            cutOff = status == VenueReconciler.Status.Failed;
            trigger = "interval";
            await Task.Delay(cutOff ? retry : interval, stoppingToken);
        }
    }
}
