using Tradewire.Ingest.News;

namespace Tradewire.Ingest.Tests.News;

public sealed class When_parsing_every_shared_feed
{
    static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Files() => new(SharedFeeds.All());

    [Fact]
    public void Should_have_an_expectation_for_every_file()
    {
        Assert.Equal(FeedExpectation.ByFile.Keys.Order(StringComparer.Ordinal), SharedFeeds.All());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_yield_the_expected_items_or_refuse_clearly(string file)
    {
        var expected = FeedExpectation.ByFile[file];

        var result = FeedParser.Parse(SharedFeeds.Bytes(file), "test:" + file, SharedFeeds.FetchedAt);

        if (expected.Refused is not null)
        {
            Assert.True(result.IsRejected);
            Assert.Equal(expected.Refused, result.FeedError!.ReasonCode);
            Assert.Equal(FeedRejection.FeedKind, result.FeedError.Kind);
            Assert.Empty(result.Items);
            return;
        }
        Assert.False(result.IsRejected, result.FeedError?.Detail);
        Assert.Equal(expected.Items, result.Items.Count);
        Assert.Equal(expected.NoTitle, result.ItemRejections.Count(r => r.ReasonCode == FeedReasonCodes.NoTitle));
        Assert.Equal(expected.Inferred, result.Items.Count(i => i.PublishedAtInferred));
        Assert.Equal(expected.Syndication, result.Reader == "syndication");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_give_every_item_a_sane_publish_time_and_clean_text(string file)
    {
        var result = FeedParser.Parse(SharedFeeds.Bytes(file), "test:" + file, SharedFeeds.FetchedAt);

        foreach (var item in result.Items)
        {
            Assert.InRange(item.PublishedAt, Earliest, SharedFeeds.FetchedAt.AddDays(1));
            Assert.Equal(TimeSpan.Zero, item.PublishedAt.Offset);
            if (item.PublishedAtInferred)
                Assert.Equal(SharedFeeds.FetchedAt, item.PublishedAt);
            Assert.False(string.IsNullOrWhiteSpace(item.Title));
            Assert.DoesNotMatch(@"<[/!?]?[A-Za-z]", item.Title + item.Summary); // no markup left (a spaced "a < b" is text)
            Assert.DoesNotContain("&amp;", item.Title + item.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("&quot;", item.Title + item.Summary, StringComparison.Ordinal);
            Assert.Equal(NewsIdentity.NewsId(item.Source, item.ExternalId), item.NewsId);
        }
        Assert.Equal(result.Items.Count, result.Items.Select(i => i.ExternalId).Distinct().Count());
    }
}
