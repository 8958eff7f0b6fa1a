using Microsoft.Extensions.DependencyInjection.Extensions;
using Tradewire.Ingest.Persistence;

namespace Tradewire.Ingest.News;

/// <summary>Registers the RSS/Atom news poller: options (<c>News</c> section), the feed HttpClient, the poller.</summary>
public static class NewsFeedsExtensions
{
    /// <summary>Needs <c>AddServiceDatabase&lt;IngestDbContext&gt;()</c>; the lead's Program.cs calls both.</summary>
    public static IHostApplicationBuilder AddNewsFeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsOptions>().Bind(builder.Configuration.GetSection(NewsOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<NewsStore>();
        builder.Services.AddHttpClient<FeedPoller>(client =>
        {
            // Per-attempt timeouts are the poller's (News:Timeout); the client itself must not cut in first.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Tradewire-Ingest/1.0 (+news poller)");
            client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        });
        builder.Services.AddHostedService<NewsPollerService>();
        return builder;
    }
}
