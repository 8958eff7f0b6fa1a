using System.Threading.Channels;
using Tradewire.BrokerGateway.Broker.Alpaca;

namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// Runs <see cref="VenueFillCatchUp"/> whenever it is woken (a fill on the trade_updates stream, or the stream
/// connected again). Wake-ups that arrive while a catch-up runs fold into one more run: the catch-up reads every
/// working order anyway, so a burst of events costs one or two reads of the venue, not one each. A catch-up that
/// fails (the venue does not answer) is left to the next event, the next reconnect, or the minute step's own read.
/// </summary>
public sealed class VenueFillWake(IServiceProvider services, ILogger<VenueFillWake> log) : BackgroundService
{
    readonly Channel<string> _wakes = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a catch-up soon; never waits.</summary>
    public void Wake(string trigger) => _wakes.Writer.TryWrite(trigger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var trigger in _wakes.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<VenueFillCatchUp>().Run(trigger);
            }
            catch (BrokerUnavailableException e)
            {
                log.LogWarning("Venue fill catch-up ({Trigger}) could not read the venue: {Error}; the minute step reads it again", trigger, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Venue fill catch-up ({Trigger}) failed; the minute step reads the venue again", trigger);
            }
        }
    }
}
