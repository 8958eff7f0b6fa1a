using Tradewire.FakeVenue.Tests.MarketData;
using Tradewire.Ingest.Live;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>AlpacaMarketDataFeed.Backfill against the local server's GET /v2/stocks/bars: paging, retries, refusals.</summary>
public sealed class When_the_feed_backfills
{
    static readonly string[] Symbols = ["AAA", "BBB", "CCC"];

    [Fact]
    public async Task Should_return_exactly_the_published_bars_across_several_pages()
    {
        // Market time starts 30 s into 09:33 at real speed: the bars of 09:30-09:32 are published, 09:33's is not.
        await using var h = await FeedHarness.Start(SessionFolder.Write(Symbols, 5), pageLimit: 4, speed: 1, origin: SessionFolder.Minute(3).AddSeconds(30));
        await h.Data.Journaled(e => e.Kind == "published" && e.Symbol == "CCC" && e.Minute == SessionFolder.Minute(2), "09:32's bars");

        var bars = await h.Feed.Backfill(Symbols, SessionFolder.Open, SessionFolder.Minute(5), CancellationToken.None);

        var published = h.Data.Server.Journal.Where(e => e.Kind == "published").Select(e => (e.Symbol!, e.Minute!.Value)).ToList();
        Assert.Equal(9, published.Count);
        Assert.Equal(published.OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2), bars.Select(b => (b.Symbol, b.Minute)));
        Assert.Equal(3, h.Data.Server.Journal.Count(e => e.Kind == "rest" && e.Detail!.StartsWith("200", StringComparison.Ordinal)));
        Assert.All(bars, b => Assert.Equal(b.Symbol switch { "AAA" => 100.25m, "BBB" => 101.25m, _ => 102.25m }, b.Close));
    }

    [Fact]
    public async Task Should_keep_to_the_half_open_range()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA"], 5), speed: 1, origin: SessionFolder.Minute(10));
        await h.Data.Journaled(e => e.Kind == "published" && e.Minute == SessionFolder.Minute(4), "the last bar");
        var bars = await h.Feed.Backfill(["AAA"], SessionFolder.Minute(1), SessionFolder.Minute(3), CancellationToken.None);
        Assert.Equal([SessionFolder.Minute(1), SessionFolder.Minute(2)], bars.Select(b => b.Minute));
    }

    [Fact]
    public async Task Should_retry_a_429_and_a_500()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA"], 2), speed: 1, origin: SessionFolder.Minute(10),
            faults: [new DataFault(DataFaultKind.Rest429), new DataFault(DataFaultKind.Rest500)]);
        await h.Data.Journaled(e => e.Kind == "published" && e.Minute == SessionFolder.Minute(1), "the last bar");
        var bars = await h.Feed.Backfill(["AAA"], SessionFolder.Open, SessionFolder.Minute(2), CancellationToken.None);

        Assert.Equal(2, bars.Count);
        var statuses = h.Data.Server.Journal.Where(e => e.Kind == "rest").Select(e => e.Detail![..3]);
        Assert.Equal(["429", "500", "200"], statuses);
    }

    [Fact]
    public async Task Should_throw_with_alpacas_message_and_no_key_when_refused()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA"], 1), secret: "not-the-secret");
        var e = await Assert.ThrowsAsync<MarketDataException>(() => h.Feed.Backfill(["AAA"], SessionFolder.Open, SessionFolder.Minute(1), CancellationToken.None));
        Assert.Contains("403", e.Message);
        Assert.Contains("forbidden", e.Message);
        Assert.DoesNotContain("not-the-secret", e.Message);
        Assert.DoesNotContain("symbols=", e.Message);
    }

    [Fact]
    public async Task Should_throw_once_the_retries_are_spent()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA"], 1), faults: new DataFault(DataFaultKind.Rest500, Times: 10));
        var e = await Assert.ThrowsAsync<MarketDataException>(() => h.Feed.Backfill(["AAA"], SessionFolder.Open, SessionFolder.Minute(1), CancellationToken.None));
        Assert.Contains("500", e.Message);
        Assert.Equal(6, h.Data.Server.Journal.Count(j => j.Kind == "rest"));
    }
}
