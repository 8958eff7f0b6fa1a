using Tradewire.Signal.Domain;
using Tradewire.Signal.Tests.Calibration;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Signal.Tests;

/// <summary>Cooldowns and news do not reach from one trading day into the next.</summary>
public sealed class When_a_new_trading_day_starts
{
    static readonly DateTimeOffset LastMinute = Snapshots.Open.AddMinutes(389); // 15:59 New York
    static readonly DateTimeOffset NextOpen = Snapshots.Open.AddDays(1);        // 09:30 the next day

    static SignalStep Step(SignalEngine engine, DateTimeOffset m, params (string, decimal)[] news) =>
        engine.Step(m, Snapshots.Computed(m, Snapshots.Breakout("AAA", m)), Snapshots.News(m, news), Snapshots.Watchlist(m, "AAA"));

    [Fact]
    public void Should_end_a_cooldown_with_its_trading_date()
    {
        // A cooldown longer than the night: the firing at 15:59 must not silence the same rule at the next open.
        var engine = new SignalEngine(new SignalOptions { CooldownMinutes = 24 * 60 });
        Assert.NotEmpty(Step(engine, LastMinute).Recommendations);

        var open = Step(engine, NextOpen);

        Assert.Contains(open.Recommendations, r => r.Ticker == "AAA");
        Assert.Empty(Step(engine, NextOpen.AddMinutes(1)).Recommendations); // within the day the cooldown still holds
    }

    [Fact]
    public void Should_not_carry_yesterdays_news_into_the_open_at_full_strength()
    {
        var engine = new SignalEngine(new SignalOptions());
        Step(engine, LastMinute, ("AAA", 0.9m));
        Assert.Equal(0.9m, engine.State.Sentiment["AAA"]);

        Step(engine, NextOpen);

        Assert.False(engine.State.Sentiment.ContainsKey("AAA"));
    }

    [Fact]
    public void Should_signal_on_a_second_day_exactly_as_engines_started_fresh_that_morning()
    {
        // The services keep one engine state per session; an engine carried across the night must agree with that.
        var dayOne = SessionGenerator.Generate(11, Snapshots.Date);
        var dayTwo = SessionGenerator.Generate(12, new Tradewire.ServiceDefaults.MarketTime.NyseCalendar().NextSession(Snapshots.Date).Date);
        var carriedWatchlist = new WatchlistEngine(new WatchlistOptions());
        var carriedSignal = new SignalEngine(new SignalOptions());
        Assert.NotEmpty(Run(dayOne, carriedWatchlist, carriedSignal));

        var carried = Run(dayTwo, carriedWatchlist, carriedSignal);
        var fresh = Run(dayTwo, new WatchlistEngine(new WatchlistOptions()), new SignalEngine(new SignalOptions()));

        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, carried);
    }

    static List<string> Run(SyntheticSession session, WatchlistEngine watchlist, SignalEngine signal)
    {
        var keys = new List<string>();
        foreach (var m in session.Minutes)
        {
            var w = watchlist.Step(session.Session.OpenUtc, m.Minute, m.Features, m.News);
            var s = signal.Step(m.Minute, m.Features, m.News, new()
            {
                SessionDate = session.Session.Date, Minute = m.Minute, Reranked = w.Reranked, RankedAt = w.RankedAt, Entries = w.Entries,
            });
            keys.AddRange(s.Recommendations.Select(r => $"{r.SignalKey}#{r.Confidence}#{string.Join(",", w.Entries.Select(e => e.Symbol))}"));
        }
        return keys;
    }
}
