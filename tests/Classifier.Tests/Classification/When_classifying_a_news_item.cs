using Tradewire.ServiceDefaults.Symbols;
using Tradewire.Classifier.Classification;
using Tradewire.Classifier.Sentiment;
using Tradewire.Classifier.Tickers;
using Tradewire.Contracts.News;

namespace Tradewire.Classifier.Tests.Classification;

public sealed class When_classifying_a_news_item
{
    /// <summary>Scores the title's length so a test can tell which text was scored; remembers what it saw.</summary>
    sealed class RecordingModel : ISentimentModel
    {
        public List<string> Seen { get; } = [];
        public string Version => "fake-1";

        public SentimentResult Score(string text)
        {
            Seen.Add(text);
            return new SentimentResult(0.123456789, SentimentLabels.Bullish, 0.987654321);
        }
    }

    static NewsItem Item(string title, string? summary) => new()
    {
        NewsId = Guid.Parse("0b6b8f3e-2f9b-4a8e-9d53-1f0c7f3e0a11"),
        Source = "test", ExternalId = "x1", Title = title, Summary = summary,
        PublishedAt = new DateTimeOffset(2025, 3, 4, 14, 31, 5, TimeSpan.Zero), PublishedAtInferred = false,
    };

    [Fact]
    public void Should_take_tickers_from_title_and_summary_and_sentiment_from_the_title()
    {
        var model = new RecordingModel();
        var classifier = new NewsClassifier(new TickerExtractor(Universe.LoadDefault()), model);

        var result = classifier.Classify(Item("Apple beats estimates", "Supplier NASDAQ:QCOM also rises"));

        Assert.Equal(["AAPL", "QCOM"], result.Tickers);
        Assert.Equal(["Apple beats estimates"], model.Seen);
        Assert.Equal(0.1235m, result.Score);
        Assert.Equal(0.9877m, result.Confidence);
        Assert.Equal(SentimentLabels.Bullish, result.Label);
        Assert.Equal("fake-1", result.ModelVersion);
        Assert.Equal(Guid.Parse("0b6b8f3e-2f9b-4a8e-9d53-1f0c7f3e0a11"), result.NewsId);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 14, 31, 5, TimeSpan.Zero), result.PublishedAt);
    }

    [Fact]
    public void Should_give_no_tickers_to_news_about_no_universe_company()
    {
        var classifier = new NewsClassifier(new TickerExtractor(Universe.LoadDefault()), new RecordingModel());
        Assert.Empty(classifier.Classify(Item("It is now all about the Fed", null)).Tickers);
    }
}
