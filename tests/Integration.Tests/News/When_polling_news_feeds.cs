using Tradewire.Ingest.News;

namespace Tradewire.Integration.Tests.News;

public sealed class When_polling_news_feeds : IAsyncLifetime
{
    static readonly string FeedsRoot = FindFeeds();
    FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.Start(FeedsRoot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Should_store_new_items_once_and_nothing_on_the_next_poll()
    {
        await using var news = await NewsHost.Create();
        string[] feeds = [_server.Feed("codehollow_feedreader/Rss20Reuters.xml"), _server.Feed("codehollow_feedreader/Rss20FazNet.xml"),
            _server.Feed("codehollow_feedreader/Rss10OrfAt.xml")];

        var first = await Task.WhenAll(feeds.Select(news.PollOnce));
        var second = await Task.WhenAll(feeds.Select(news.PollOnce));

        Assert.All(first, r => Assert.True(r.Succeeded, r.Failure?.Detail));
        Assert.Equal([10, 13, 50], first.Select(r => r.Inserted));
        Assert.All(second, r => Assert.Equal((true, 0), (r.Succeeded, r.Inserted)));
        Assert.Equal(73, await news.Count("SELECT count(*) FROM inbound_events_raw"));
        Assert.Equal(73, await news.Count("SELECT count(*) FROM inbound_events_raw WHERE published_minute IS NULL AND fetched_at = $1", NewsHost.Now));
        Assert.Equal(1, await news.Count("SELECT count(*) FROM inbound_events_raw WHERE source = $1 AND title = $2",
            feeds[1], "Kältewelle in Europa: Flüchtlinge und Obdachlose erfrieren"));
        Assert.Equal(0, await news.Count("SELECT count(*) FROM ingest_rejections"));
    }

    [Fact]
    public async Task Should_survive_a_restart_without_duplicates()
    {
        var feed = _server.Feed("rss_parser/guardian.rss");
        string connectionString;
        await using (var before = await NewsHost.Create())
        {
            connectionString = before.ConnectionString;
            Assert.Equal(55, (await before.PollOnce(feed)).Inserted);
        }

        // A second host on the same database (a restarted service): same NewsIds, nothing new.
        await using var after = await NewsHost.Create(existingDatabase: connectionString);
        var again = await after.PollOnce(feed);

        Assert.Equal((55, 0), (again.Parsed, again.Inserted));
        Assert.Equal(55, await after.Count("SELECT count(*) FROM inbound_events_raw"));
    }

    [Fact]
    public async Task Should_record_rejections_and_leave_other_feeds_unaffected()
    {
        await using var news = await NewsHost.Create();
        var good = _server.Feed("codehollow_feedreader/Rss20Spiegel.xml");

        var results = await Task.WhenAll(news.PollOnce($"{_server.BaseUrl}/html"), news.PollOnce($"{_server.BaseUrl}/slow"),
            news.PollOnce($"{_server.BaseUrl}/error"), news.PollOnce(good));

        Assert.Equal([FeedReasonCodes.NotXml, FeedReasonCodes.Timeout, FeedReasonCodes.HttpError, null],
            results.Select(r => r.Failure?.ReasonCode));
        Assert.All(results[..3], r => Assert.Equal(3, r.Attempts)); // first try + News:MaxRetries
        Assert.Equal(17, results[3].Inserted);
        Assert.Equal(17, await news.Count("SELECT count(*) FROM inbound_events_raw WHERE source = $1", good));
        Assert.Equal(0, await news.Count("SELECT count(*) FROM inbound_events_raw WHERE source <> $1", good));
        foreach (var (route, code) in new[] { ("html", FeedReasonCodes.NotXml), ("slow", FeedReasonCodes.Timeout), ("error", FeedReasonCodes.HttpError) })
            Assert.Equal(1, await news.Count("SELECT count(*) FROM ingest_rejections WHERE kind = 'FEED' AND source = $1 AND reason_code = $2 AND rejected_at = $3",
                $"{_server.BaseUrl}/{route}", code, NewsHost.Now));
    }

    [Fact]
    public async Task Should_retry_a_server_error_and_then_store_the_feed()
    {
        await using var news = await NewsHost.Create();

        var result = await news.PollOnce($"{_server.BaseUrl}/flaky");

        Assert.True(result.Succeeded, result.Failure?.Detail);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _server.FlakyRequests);
        Assert.Equal(10, await news.Count("SELECT count(*) FROM inbound_events_raw"));
        Assert.Equal(0, await news.Count("SELECT count(*) FROM ingest_rejections"));
    }

    [Fact]
    public async Task Should_record_items_without_title_once_across_polls()
    {
        await using var news = await NewsHost.Create();
        var feed = _server.Feed("codehollow_feedreader/Rss092FullSample.xml");

        await news.PollOnce(feed);
        await news.PollOnce(feed);

        Assert.Equal(0, await news.Count("SELECT count(*) FROM inbound_events_raw"));
        // 22 title-less items, two of them byte-identical: 21 distinct rejections, none repeated by the second poll.
        Assert.Equal(21, await news.Count("SELECT count(*) FROM ingest_rejections WHERE kind = 'NEWS' AND reason_code = $1", FeedReasonCodes.NoTitle));
    }

    [Fact]
    public async Task Should_poll_the_configured_feeds_in_the_background()
    {
        string[] feeds = [_server.Feed("codehollow_feedreader/Rss20NYTimes.xml"), $"{_server.BaseUrl}/error", _server.Feed("rss_parser/heise.atom")];
        await using var news = await NewsHost.Create(feeds);

        await news.Host.StartAsync();

        await Eventually.Until(() => news.Count("SELECT count(*) FROM inbound_events_raw"), n => n == 33 + 15, what: "both good feeds stored");
        await Eventually.Until(() => news.Count("SELECT count(*) FROM ingest_rejections WHERE reason_code = 'FEED_HTTP_ERROR'"), n => n == 1,
            what: "the failing feed rejected");
    }

    static string FindFeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "rss_feeds");
            if (Directory.Exists(candidate))
                return candidate + Path.DirectorySeparatorChar;
        }
        throw new DirectoryNotFoundException("shared/data/rss_feeds not found above " + AppContext.BaseDirectory);
    }
}
