using Tradewire.Classifier.Sentiment;
using Tradewire.Classifier.Tickers;
using Tradewire.Contracts.News;

namespace Tradewire.Classifier.Classification;

/// <summary>
/// Classifies one news item: tickers from the title and summary, sentiment from the title alone (the model was
/// trained on headlines; summaries are longer and often boilerplate). Pure given the model: same item, same result.
/// Score and confidence are rounded to 4 decimals, so they compare exactly across runs and storage.
/// </summary>
public sealed class NewsClassifier(TickerExtractor tickers, ISentimentModel model)
{
    public string ModelVersion => model.Version;

    public ClassifiedNewsItem Classify(NewsItem item)
    {
        var sentiment = model.Score(item.Title);
        return new ClassifiedNewsItem
        {
            NewsId = item.NewsId,
            Title = item.Title,
            PublishedAt = item.PublishedAt,
            Tickers = tickers.Extract(item.Title, item.Summary),
            Score = Math.Round((decimal)sentiment.Score, 4, MidpointRounding.ToEven),
            Label = sentiment.Label,
            Confidence = Math.Round((decimal)sentiment.Confidence, 4, MidpointRounding.ToEven),
            ModelVersion = model.Version,
        };
    }
}
