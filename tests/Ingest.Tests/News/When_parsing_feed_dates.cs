using Tradewire.Ingest.News;

namespace Tradewire.Ingest.Tests.News;

public sealed class When_parsing_feed_dates
{
    [Theory]
    // Strings as they appear in the shared feeds.
    [InlineData("Wed, 09 Mar 2016 13:00:00 EST", "2016-03-09T18:00:00Z")] // Rss20ItunesSample: EST = -05:00
    [InlineData("03 Apr 02 1500 GMT", "2002-04-03T15:00:00Z")] // heraldsun: two-digit year, HHmm, no weekday
    [InlineData("07 Jan 2017 18:20:03 +0300", "2017-01-07T15:20:03Z")] // Yandex: no weekday
    [InlineData("Sat, 7 Jan 2017 09:40:00 -0500", "2017-01-07T14:40:00Z")] // CTV: one-digit day
    [InlineData("Fri, 08 Jul 2016 13:40:00 UTC", "2016-07-08T13:40:00Z")] // narro
    [InlineData("Fri, 10 Aug 2018 10:44:00 +0100", "2018-08-10T09:44:00Z")] // Stadtfeuerwehr
    [InlineData("Do, 22 Dez 2016 17:36:00 +0000", "2016-12-22T17:36:00Z")] // contentwind: German weekday and month
    [InlineData("2017-01-06T20:59:15+01:00", "2017-01-06T19:59:15Z")] // dc:date
    [InlineData("2015-10-15T04:20:00.001-07:00", "2015-10-15T11:20:00.001Z")] // Atom with fraction
    [InlineData("2021-07-13T00:00:00.000Z", "2021-07-13T00:00:00Z")]
    // Zone names and forms the shared files do not all carry.
    [InlineData("Mon, 03 Jul 2023 09:30:00 EDT", "2023-07-03T13:30:00Z")]
    [InlineData("Mon, 03 Jul 2023 09:30:00 PST", "2023-07-03T17:30:00Z")]
    [InlineData("Mon, 03 Jul 2023 09:30:00 UT", "2023-07-03T09:30:00Z")]
    [InlineData("Mon, 03 Jul 2023 09:30:00 Z", "2023-07-03T09:30:00Z")]
    [InlineData("Mon, 03 Jul 2023 09:30 GMT", "2023-07-03T09:30:00Z")]
    [InlineData("Thu, 01 Jan 98 00:00:00 GMT", "1998-01-01T00:00:00Z")] // two-digit year >= 50 is 19xx
    [InlineData("Mon, 03 Jul 2023 09:30:00", "2023-07-03T09:30:00Z")] // no zone: UTC
    [InlineData("2023-07-03T09:30:00", "2023-07-03T09:30:00Z")] // ISO without zone: UTC
    [InlineData("2023-07-03 09:30:00-04:00", "2023-07-03T13:30:00Z")]
    public void Should_read_the_instant_in_utc(string text, string expectedUtc)
    {
        var parsed = FeedDateParser.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("Fri, 11 Mar 2016 01:15:00 +3000")] // Rss20ItunesSample: impossible offset
    [InlineData("Mon, 31 Feb 2023 09:30:00 GMT")]
    [InlineData("Mon, 03 Foo 2023 09:30:00 GMT")]
    [InlineData("Mon, 03 Jul 2023 09:30:00 XYZ")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void Should_refuse_what_it_cannot_read_with_certainty(string? text)
    {
        Assert.Null(FeedDateParser.Parse(text));
    }

    [Fact]
    public void Should_take_an_iso_date_in_pubDate_and_infer_a_missing_one()
    {
        var fetchedAt = new DateTimeOffset(2024, 3, 1, 15, 0, 0, TimeSpan.Zero);
        var xml = """
            <rss version="2.0"><channel><title>t</title>
              <item><title>Iso</title><guid>a</guid><pubDate>2024-02-29T10:15:00-05:00</pubDate></item>
              <item><title>None</title><guid>b</guid></item>
              <item><title>Future</title><guid>c</guid><pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate></item>
            </channel></rss>
            """u8.ToArray();

        var items = FeedParser.Parse(xml, "s", fetchedAt).Items;

        Assert.Equal(new DateTimeOffset(2024, 2, 29, 15, 15, 0, TimeSpan.Zero), items[0].PublishedAt);
        Assert.False(items[0].PublishedAtInferred);
        Assert.Equal((fetchedAt, true), (items[1].PublishedAt, items[1].PublishedAtInferred));
        Assert.Equal((fetchedAt, true), (items[2].PublishedAt, items[2].PublishedAtInferred));
    }

    [Fact]
    public void Should_read_the_est_item_of_the_itunes_sample()
    {
        var items = FeedParser.Parse(SharedFeeds.Bytes("codehollow_feedreader/Rss20ItunesSample.xml"), "s", SharedFeeds.FetchedAt).Items;

        Assert.Contains(items, i => i.PublishedAt == new DateTimeOffset(2016, 3, 9, 18, 0, 0, TimeSpan.Zero) && !i.PublishedAtInferred);
    }

    [Fact]
    public void Should_read_dc_date_in_rss_1()
    {
        var items = FeedParser.Parse(SharedFeeds.Bytes("codehollow_feedreader/Rss10OrfAt.xml"), "s", SharedFeeds.FetchedAt).Items;

        Assert.All(items, i => Assert.False(i.PublishedAtInferred));
        Assert.Equal(new DateTimeOffset(2017, 1, 23, 13, 17, 5, TimeSpan.Zero), items.Min(i => i.PublishedAt));
    }
}
