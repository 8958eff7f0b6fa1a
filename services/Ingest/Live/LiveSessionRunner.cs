using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

/// <summary>
/// Runs every trading session from a live bar feed on market time (<see cref="IMarketClock"/>): on a trading
/// day it opens at the open and runs until the calendar's close (early closes included); on holidays and weekends
/// nothing happens; overnight it idles until the next session's open. A session already DONE (or replayed) is
/// left alone; one started before a restart resumes at its first unpublished minute (<see cref="LiveSession"/>).
/// </summary>
public sealed class LiveSessionRunner(IMarketClock clock, TimeProvider time, ILiveSessions sessions, LiveFeedStatus status,
    IOptions<LiveOptions> options, ILogger<LiveSessionRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("Live session runner on: feed {Feed}, watermark {Watermark}, max hold {MaxHold}",
            options.Value.Feed, options.Value.Watermark, options.Value.MaxHold);
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset wakeAt;
            try
            {
                var now = clock.UtcNow;
                var today = MarketTimeZone.TradingDate(now);
                var session = clock.Calendar.GetSession(today);
                if (session is not null && now < session.OpenUtc)
                    wakeAt = session.OpenUtc;
                else
                {
                    if (session is not null)
                        await sessions.Run(session, stoppingToken);
                    wakeAt = clock.Calendar.NextSession(today).OpenUtc;
                }
            }
            catch (MarketCalendarException e)
            {
                log.LogError(e, "No calendar for the market's date: the live runner waits an hour and asks again");
                status.Fault("IDLE", e.Message);
                wakeAt = clock.UtcNow.AddHours(1);
            }
            status.Idle(wakeAt);
            var wait = wakeAt - clock.UtcNow;
            log.LogInformation("Live runner idle until {WakeAt:O} (market time)", wakeAt);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, stoppingToken);
        }
    }
}
