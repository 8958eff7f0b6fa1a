using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewire.Ingest.News;

/// <summary>
/// Polls every configured feed on its own loop (<c>News:PollInterval</c>), so a slow or broken feed never delays
/// or stops the others. Each poll runs in its own DI scope (its own DbContext) through <see cref="FeedPoller"/>.
/// </summary>
public sealed class NewsPollerService(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options,
    ILogger<NewsPollerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = options.Value.Feeds.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal).ToList();
        if (feeds.Count == 0)
        {
            logger.LogInformation("No news feeds configured (News:Feeds); the poller is idle");
            return Task.CompletedTask;
        }
        return Task.WhenAll(feeds.Select(feed => PollForever(feed, stoppingToken)));
    }

    async Task PollForever(string feed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollOnce(feed, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database or unexpected fault on one feed: log, keep this feed's loop and all others running.
                logger.LogError(e, "Polling feed {Feed} failed", feed);
            }
        }
        while (await WaitForNextTick(timer, stoppingToken));
    }

    static async Task<bool> WaitForNextTick(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
