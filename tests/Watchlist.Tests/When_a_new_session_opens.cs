using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.ServiceDefaults.MarketData;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Watchlist.Tests;

/// <summary>What the watchlist carries from one trading day into the next, and what it does not.</summary>
public sealed class When_a_new_session_opens
{
    static readonly DateTimeOffset NextOpen = Features.Open.AddDays(1); // 2026-03-11 09:30 New York

    static WatchlistStep Step(WatchlistEngine engine, DateTimeOffset open, DateTimeOffset minute, IReadOnlyList<ClassifiedNewsItem>? news = null) =>
        engine.Step(open, minute,
            new FeaturesComputed { SessionDate = DateOnly.FromDateTime(open.UtcDateTime), Minute = minute, Symbols = [Features.Ready("AAPL", minute), Features.Ready("MSFT", minute)] },
            new NewsClassified { SessionDate = DateOnly.FromDateTime(open.UtcDateTime), Minute = minute, Items = news ?? [] });

    static ClassifiedNewsItem Bullish(string ticker, DateTimeOffset at) => new()
    {
        NewsId = Guid.NewGuid(), Title = "t", PublishedAt = at, Tickers = [ticker], Score = 1m, Label = "bullish", Confidence = 1m, ModelVersion = "m",
    };

    [Fact]
    public void Should_publish_an_empty_list_until_the_first_rerank_of_the_day()
    {
        var engine = new WatchlistEngine(new WatchlistOptions());
        var lastOfDay = Features.Open.AddMinutes(389);
        for (var i = 380; i <= 389; i++)
            Step(engine, Features.Open, Features.Open.AddMinutes(i));
        Assert.NotEmpty(engine.State.Entries); // yesterday ended with a ranking at 15:59

        var steps = Enumerable.Range(0, 5).Select(i => Step(engine, NextOpen, NextOpen.AddMinutes(i))).ToList();

        Assert.All(steps.Take(4), s => Assert.Empty(s.Entries));
        Assert.All(steps.Take(4), s => Assert.Null(s.RankedAt));
        Assert.True(steps[4].Reranked);
        Assert.NotEmpty(steps[4].Entries);
        Assert.NotEqual(lastOfDay, steps[4].RankedAt);
    }

    [Fact]
    public void Should_let_yesterdays_news_decay_through_the_night()
    {
        var engine = new WatchlistEngine(new WatchlistOptions());
        Step(engine, Features.Open, Features.Open.AddMinutes(389), [Bullish("AAPL", Features.Open.AddMinutes(389))]);
        Assert.Equal(1m, engine.State.Sentiment["AAPL"]);

        Step(engine, NextOpen, NextOpen);

        Assert.False(engine.State.Sentiment.ContainsKey("AAPL")); // 17.5 hours at a 30-minute half-life
    }

    [Fact]
    public void Should_decay_a_step_of_several_minutes_as_that_many_single_steps()
    {
        var once = new SentimentBook(30);
        var stepwise = new SentimentBook(30);
        once.Step([Bullish("AAPL", Features.Open)]);
        stepwise.Step([Bullish("AAPL", Features.Open)]);

        once.Step([], minutesElapsed: 45);
        for (var i = 0; i < 45; i++)
            stepwise.Step([]);

        Assert.Equal(stepwise.Of("AAPL"), once.Of("AAPL"));
        Assert.InRange(once.Of("AAPL"), 0.35m, 0.36m);
    }
}
