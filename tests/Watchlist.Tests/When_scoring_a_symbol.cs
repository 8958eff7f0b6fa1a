using Tradewire.Watchlist.Domain;

namespace Tradewire.Watchlist.Tests;

public sealed class When_scoring_a_symbol
{
    readonly WatchlistScorer scorer = new(new WatchlistOptions());

    [Theory]
    [InlineData(0.00123, 0.0007, 0.00031, 1.234, 0.00071, 0.3333)]
    [InlineData(-0.0191, -0.0033, -0.0071, 0.2, 0.009, -0.77)]
    [InlineData(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)]
    public void Should_attribute_exactly_the_score(double r15, double r5, double trend, double volRatio, double recentVol, double sentiment)
    {
        var s = scorer.Score(Features.Ready("ABC", Features.Open, (decimal)r15, (decimal)r5, (decimal)trend, (decimal)volRatio, (decimal)recentVol),
            (decimal)sentiment);

        Assert.Equal(ScoreComponents.All, s.Attribution.Keys);
        Assert.Equal(s.Score, s.Attribution.Values.Sum());
        Assert.All(s.Attribution.Values, v => Assert.Equal(v, Math.Round(v, 4)));
    }

    [Fact]
    public void Should_score_a_stronger_mover_higher_in_either_direction()
    {
        var quiet = scorer.Score(Features.Ready("A", Features.Open, 0.001m, 0.0005m), 0m);
        var up = scorer.Score(Features.Ready("B", Features.Open, 0.006m, 0.003m), 0m);
        var down = scorer.Score(Features.Ready("C", Features.Open, -0.006m, -0.003m), 0m);

        Assert.True(up.Score > quiet.Score);
        Assert.Equal(up.Attribution[ScoreComponents.Momentum], down.Attribution[ScoreComponents.Momentum]);
    }

    [Fact]
    public void Should_give_full_volatility_points_only_inside_the_band()
    {
        var o = new WatchlistOptions();
        Assert.Equal(o.VolatilityWeight, scorer.Score(Features.Ready("A", Features.Open, recentVol: 0.001m), 0m).Attribution[ScoreComponents.VolatilityRegime]);
        Assert.True(scorer.Score(Features.Ready("A", Features.Open, recentVol: 0.0003m), 0m).Attribution[ScoreComponents.VolatilityRegime] < o.VolatilityWeight);
        Assert.Equal(0m, scorer.Score(Features.Ready("A", Features.Open, recentVol: 0.0061m), 0m).Attribution[ScoreComponents.VolatilityRegime]);
    }

    [Fact]
    public void Should_count_news_by_magnitude()
    {
        var bull = scorer.Score(Features.Ready("A", Features.Open), 0.6m);
        var bear = scorer.Score(Features.Ready("A", Features.Open), -0.6m);
        Assert.Equal(9m, bull.Attribution[ScoreComponents.NewsSentiment]);
        Assert.Equal(bull.Score, bear.Score);
    }
}
