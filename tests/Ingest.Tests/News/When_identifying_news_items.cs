using Tradewire.Ingest.News;

namespace Tradewire.Ingest.Tests.News;

public sealed class When_identifying_news_items
{
    [Fact]
    public void Should_derive_the_same_id_from_the_same_source_and_external_id()
    {
        var a = NewsIdentity.NewsId("https://feeds.example/a", "guid-1");

        Assert.Equal(a, NewsIdentity.NewsId("https://feeds.example/a", "guid-1"));
        Assert.NotEqual(a, NewsIdentity.NewsId("https://feeds.example/b", "guid-1"));
        Assert.NotEqual(a, NewsIdentity.NewsId("https://feeds.example/a", "guid-2"));
        Assert.Equal(8, a.Version);
    }

    [Fact]
    public void Should_use_the_feed_id_else_a_hash_of_link_and_title()
    {
        Assert.Equal("guid-1", NewsIdentity.ExternalId(" guid-1 ", "http://x", "T"));

        var hashed = NewsIdentity.ExternalId(null, "http://x/1", "Title");

        Assert.StartsWith("sha256:", hashed);
        Assert.Equal(7 + 64, hashed.Length);
        Assert.Equal(hashed, NewsIdentity.ExternalId("", "http://x/1", "Title"));
        Assert.NotEqual(hashed, NewsIdentity.ExternalId(null, "http://x/1", "Other title"));
    }

    [Fact]
    public void Should_give_the_same_ids_when_a_feed_is_parsed_twice()
    {
        var bytes = SharedFeeds.Bytes("codehollow_feedreader/Rss20FinanzenNet.xml");
        var first = FeedParser.Parse(bytes, "s", SharedFeeds.FetchedAt).Items.Select(i => i.NewsId);
        var second = FeedParser.Parse(bytes, "s", SharedFeeds.FetchedAt.AddHours(1)).Items.Select(i => i.NewsId);

        Assert.Equal(first, second);
    }
}
