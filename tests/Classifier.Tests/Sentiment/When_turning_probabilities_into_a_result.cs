using Tradewire.Classifier.Sentiment;

namespace Tradewire.Classifier.Tests.Sentiment;

public sealed class When_turning_probabilities_into_a_result
{
    [Fact]
    public void Should_score_bullish_minus_bearish_and_pick_the_most_probable_label()
    {
        var r = SentimentResult.FromProbabilities(["bearish", "bullish", "neutral"], [0.1, 0.7, 0.2]);
        Assert.Equal(0.6, r.Score, 10);
        Assert.Equal(SentimentLabels.Bullish, r.Label);
        Assert.Equal(0.7, r.Confidence, 10);
    }

    [Fact]
    public void Should_accept_finbert_names()
    {
        var r = SentimentResult.FromProbabilities(["positive", "negative", "neutral"], [0.05, 0.9, 0.05]);
        Assert.Equal(-0.85, r.Score, 10);
        Assert.Equal(SentimentLabels.Bearish, r.Label);
    }

    [Fact]
    public void Should_break_ties_by_label_order() =>
        Assert.Equal(SentimentLabels.Bearish, SentimentResult.FromProbabilities(["bearish", "bullish", "neutral"], [0.4, 0.4, 0.2]).Label);

    [Fact]
    public void Should_reject_unknown_labels() =>
        Assert.Throws<ArgumentException>(() => SentimentResult.FromProbabilities(["up", "down", "flat"], [0.3, 0.3, 0.4]));

    [Fact]
    public void Should_map_dataset_codes() =>
        Assert.Equal(["bearish", "bullish", "neutral"], new[] { 0, 1, 2 }.Select(SentimentLabels.FromDatasetCode));

    [Fact]
    public void Should_replace_links_and_cashtags_before_the_model() =>
        Assert.Equal("tickr - Nomura cuts tickr to neutral", SentimentText.Normalize("$BYND  - Nomura cuts $CCL to neutral https://t.co/abc"));
}
