using Tradewire.BrokerGateway.Persistence;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// Looks at the <see cref="KillSwitchSetting"/> every <c>KillSwitch:PollInterval</c> (1 s) while the gateway runs. While it is
/// engaged and the trading state is not HALTED, it presses the kill switch (<see cref="KillSwitch.Press"/>:
/// HALTED committed first, then every order cancelled and every position closed), once: the next looks find HALTED.
/// Entries also stop without it: the minute step refuses them whenever the switch is engaged, and <c>/resume</c>
/// and a switch to LIVE are refused until it is released. Releasing it changes nothing by itself: the operator resumes.
/// </summary>
public sealed class KillSwitchWatch(IServiceProvider services, KillSwitchSetting killSwitch, IConfiguration configuration, ILogger<KillSwitchWatch> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("KillSwitch:PollInterval", TimeSpan.FromSeconds(1));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (killSwitch.Engaged)
                    await PressIfNotHalted();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "KILL_SWITCH is engaged but the flatten failed; retrying in {Interval}", interval);
            }
        }
    }

    async Task PressIfNotHalted()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BrokerGatewayDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var state = (await Sql.Query(db, "SELECT state FROM trading_state WHERE id = 1", r => Wire.Parse<TradingState>(r.GetString(0)))).Single();
            if (state == TradingState.Halted)
                return;
        }
        log.LogCritical("KILL_SWITCH engaged ({Source}): halting and flattening", killSwitch.Source);
        await scope.ServiceProvider.GetRequiredService<KillSwitch>().Press(killSwitch.Source, "KILL_SWITCH=1 while running");
    }
}
