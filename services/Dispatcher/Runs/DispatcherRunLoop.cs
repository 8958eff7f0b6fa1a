using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewire.Dispatcher.Runs;

/// <summary>
/// Runs undone ticks back to back, then sleeps until a consumer wakes it or the poll interval passes. A failed
/// run (an exception, a crash point) rolls back its tick transaction; the tick stays undone and is run again,
/// and whatever it left PROCESSING is reaped once its claim passes the TTL in market time.
/// </summary>
sealed class DispatcherRunLoop(TickRunner runner, DispatchWakeup wakeup, IOptions<DispatcherOptions> options, ILogger<DispatcherRunLoop> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ranOne = false;
            try
            {
                ranOne = await runner.RunNext(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Dispatcher run failed; its tick stays undone and is retried");
            }
            if (ranOne)
                continue;
            try
            {
                await wakeup.Wait(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
