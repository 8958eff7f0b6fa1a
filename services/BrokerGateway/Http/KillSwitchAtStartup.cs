namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// At start-up, before any message is consumed: with <c>KILL_SWITCH=1</c> (environment or file, see <see cref="KillSwitchSetting"/>), state HALTED and
/// flatten everything; otherwise rehearse the kill switch and roll it back (<see cref="KillSwitch.Rehearse"/>),
/// so that the operator's first press runs as fast as the later ones.
/// </summary>
public sealed class KillSwitchAtStartup(IServiceProvider services, KillSwitchSetting killSwitch, ILogger<KillSwitchAtStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var control = scope.ServiceProvider.GetRequiredService<KillSwitch>();
        if (killSwitch.Engaged)
        {
            await control.Press(killSwitch.Source, "KILL_SWITCH=1 at start-up");
            return;
        }
        try
        {
            var rehearsal = await control.Rehearse();
            log.LogInformation("Kill switch rehearsed and rolled back in {Ms:F0} ms ({Orders} working orders, {Positions} open positions)",
                rehearsal.ElapsedMs, rehearsal.OrdersCancelled, rehearsal.PositionsClosed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a warm-up: a failure here must not keep the gateway from starting (the real kill switch is unaffected).
            log.LogWarning(e, "The kill switch rehearsal at start-up failed; the first flatten will be slower");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
