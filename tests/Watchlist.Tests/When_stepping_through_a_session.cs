using System.Text.Json;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Watchlist.Tests;

public sealed class When_stepping_through_a_session
{
    static readonly string[] Symbols = ["AAPL", "AMD", "MSFT", "NVDA", "TSLA"];

    static (FeaturesComputed, NewsClassified) Minute(int i)
    {
        var minute = Features.Open.AddMinutes(i);
        var features = Symbols.Select((s, k) => Features.Ready(s, minute, return15: 0.001m * ((i + k * 3) % 7 - 3), volRatio: 1m + k * 0.2m,
            ready: !(s == "AMD"))).ToList();
        IReadOnlyList<ClassifiedNewsItem> items = i % 11 == 3
            ? [new ClassifiedNewsItem { NewsId = Guid.Parse($"00000000-0000-0000-0000-{i:D12}"), Title = "t", PublishedAt = minute,
                Tickers = [Symbols[i % Symbols.Length]], Score = 0.8m, Label = "bullish", Confidence = 0.9m, ModelVersion = "m" }]
            : [];
        return (new FeaturesComputed { SessionDate = new DateOnly(2026, 3, 10), Minute = minute, Symbols = features },
                new NewsClassified { SessionDate = new DateOnly(2026, 3, 10), Minute = minute, Items = items });
    }

    static List<WatchlistStep> Run(WatchlistEngine engine, int from, int to) =>
        Enumerable.Range(from, to - from).Select(i => { var (f, n) = Minute(i); return engine.Step(Features.Open, f.Minute, f, n); }).ToList();

    [Fact]
    public void Should_rerank_on_the_minutes_ending_at_each_fifth_minute()
    {
        var steps = Run(new WatchlistEngine(new WatchlistOptions()), 0, 20);

        Assert.Equal([4, 9, 14, 19], steps.Select((s, i) => (s, i)).Where(x => x.s.Reranked).Select(x => x.i));
        Assert.All(steps.Take(4), s => Assert.Empty(s.Entries));
        Assert.Equal(Features.Open.AddMinutes(9), steps[12].RankedAt);
        Assert.Same(steps[9].Entries, steps[12].Entries);
    }

    [Fact]
    public void Should_leave_out_symbols_that_are_not_ready()
    {
        var steps = Run(new WatchlistEngine(new WatchlistOptions()), 0, 5);

        Assert.Equal(4, steps[4].Entries.Count);
        Assert.DoesNotContain(steps[4].Entries, e => e.Symbol == "AMD");
    }

    [Fact]
    public void Should_leave_out_symbols_whose_features_are_stale()
    {
        var engine = new WatchlistEngine(new WatchlistOptions { MaxFeatureAgeMinutes = 5 });
        var (first, news) = Minute(0);
        engine.Step(Features.Open, first.Minute, first, news);
        var later = Features.Open.AddMinutes(9);
        var step = engine.Step(Features.Open, later, new FeaturesComputed { SessionDate = first.SessionDate, Minute = later,
            Symbols = [Features.Ready("MSFT", later)] }, new NewsClassified { SessionDate = first.SessionDate, Minute = later, Items = [] });

        Assert.True(step.Reranked);
        Assert.Equal(["MSFT"], step.Entries.Select(e => e.Symbol));
    }

    [Fact]
    public void Should_produce_the_same_lists_for_the_same_minutes()
    {
        var a = Run(new WatchlistEngine(new WatchlistOptions()), 0, 60);
        var b = Run(new WatchlistEngine(new WatchlistOptions()), 0, 60);

        Assert.Equal(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b));
    }

    [Fact]
    public void Should_continue_identically_from_its_persisted_state()
    {
        var whole = Run(new WatchlistEngine(new WatchlistOptions()), 0, 60);
        var first = new WatchlistEngine(new WatchlistOptions());
        Run(first, 0, 33);
        var json = JsonSerializer.Serialize(first.State, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var resumed = new WatchlistEngine(new WatchlistOptions(), JsonSerializer.Deserialize<WatchlistState>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var rest = Run(resumed, 33, 60);

        Assert.Equal(JsonSerializer.Serialize(whole.Skip(33)), JsonSerializer.Serialize(rest));
    }

    [Fact]
    public void Should_refuse_a_minute_it_already_handled()
    {
        var engine = new WatchlistEngine(new WatchlistOptions());
        Run(engine, 0, 3);
        var (f, n) = Minute(2);
        Assert.Throws<InvalidOperationException>(() => engine.Step(Features.Open, f.Minute, f, n));
    }
}
