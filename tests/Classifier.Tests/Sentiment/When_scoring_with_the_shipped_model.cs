using Tradewire.Classifier.Sentiment;

namespace Tradewire.Classifier.Tests.Sentiment;

/// <summary>The committed model file loads and gets obvious (hand-written) headlines right.</summary>
public sealed class When_scoring_with_the_shipped_model
{
    static readonly MlNetSentimentModel Model = MlNetSentimentModel.LoadDefault();

    [Theory]
    [InlineData("Acme shares soar after record quarterly profit beats estimates")]
    [InlineData("$XYZ upgraded to buy at Morgan Stanley, price target raised")]
    [InlineData("Widget maker raises full-year guidance as sales jump")]
    public void Should_call_good_news_bullish(string headline) =>
        Assert.Equal(SentimentLabels.Bullish, Model.Score(headline).Label);

    [Theory]
    [InlineData("Acme shares plunge after profit warning, guidance cut")]
    [InlineData("$XYZ downgraded to sell at Goldman, price target cut")]
    [InlineData("Widget maker misses estimates and slashes outlook; stock falls")]
    public void Should_call_bad_news_bearish(string headline) =>
        Assert.Equal(SentimentLabels.Bearish, Model.Score(headline).Label);

    [Theory]
    [InlineData("Acme to present at investor conference on Tuesday")]
    [InlineData("Widget maker schedules fourth-quarter earnings call")]
    public void Should_call_announcements_neutral(string headline) =>
        Assert.Equal(SentimentLabels.Neutral, Model.Score(headline).Label);

    [Fact]
    public void Should_keep_score_and_confidence_in_range_and_consistent_with_the_label()
    {
        foreach (var text in new[] { "", "???", "Shares soar", "Shares plunge", "Meeting on Monday" })
        {
            var r = Model.Score(text);
            Assert.InRange(r.Score, -1, 1);
            Assert.InRange(r.Confidence, 1.0 / 3 - 1e-6, 1);
            Assert.Contains(r.Label, SentimentLabels.All);
        }
        Assert.True(Model.Score("Shares soar on record profit").Score > 0);
        Assert.True(Model.Score("Shares plunge on profit warning").Score < 0);
    }

    [Fact]
    public void Should_be_deterministic_across_loads()
    {
        var other = MlNetSentimentModel.LoadDefault();
        const string text = "Chipmaker beats on revenue but guides below consensus";
        Assert.Equal(Model.Score(text), other.Score(text));
        Assert.Equal(Model.Version, other.Version);
        Assert.StartsWith("sentiment-v1@", Model.Version);
    }

    [Fact]
    public void Should_stay_small_enough_to_commit() =>
        Assert.True(new FileInfo(Path.Combine(AppContext.BaseDirectory, MlNetSentimentModel.DefaultRelativePath)).Length < 5 * 1024 * 1024);
}
