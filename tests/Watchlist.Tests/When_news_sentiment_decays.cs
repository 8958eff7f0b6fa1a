using Tradewire.ServiceDefaults.MarketData;
using Tradewire.Contracts.News;

namespace Tradewire.Watchlist.Tests;

public sealed class When_news_sentiment_decays
{
    static ClassifiedNewsItem Item(string ticker, decimal score, decimal confidence) => new()
    {
        NewsId = Guid.NewGuid(), Title = "t", PublishedAt = DateTimeOffset.UnixEpoch, Tickers = [ticker],
        Score = score, Label = "x", Confidence = confidence, ModelVersion = "m",
    };

    [Fact]
    public void Should_halve_over_the_half_life()
    {
        var book = new SentimentBook(10);
        book.Step([Item("aapl", 0.8m, 1m)]);
        for (var i = 0; i < 10; i++) book.Step([]);

        Assert.InRange(book.Of("AAPL"), 0.399m, 0.401m);
    }

    [Fact]
    public void Should_weigh_by_confidence_and_clamp_to_one()
    {
        var book = new SentimentBook(30);
        book.Step([Item("X", 0.5m, 0.5m)]);
        Assert.Equal(0.25m, book.Of("X"));
        book.Step([Item("X", 1m, 1m), Item("X", 1m, 1m)]);
        Assert.Equal(1m, book.Of("X"));
    }
}
