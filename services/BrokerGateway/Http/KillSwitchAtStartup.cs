namespace Tradewire.BrokerGateway.Http;

/// <summary><c>KILL_SWITCH=1</c> in the environment at start-up: state HALTED and flatten everything.</summary>
public sealed class KillSwitchAtStartup(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["KILL_SWITCH"] != "1")
            return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TradingControl>().Flatten("env:KILL_SWITCH", "KILL_SWITCH=1 at start-up");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
