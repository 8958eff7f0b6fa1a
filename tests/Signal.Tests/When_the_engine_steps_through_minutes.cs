using System.Text.Json;
using Tradewire.Contracts.Signals;
using Tradewire.Signal.Domain;
using Tradewire.Signal.Tests.Calibration;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Signal.Tests;

public sealed class When_the_engine_steps_through_minutes
{
    static DateTimeOffset M(int i) => Snapshots.Open.AddMinutes(60 + i);

    static SignalStep Step(SignalEngine engine, int i, params Tradewire.Contracts.Features.SymbolFeatures[] features) =>
        engine.Step(M(i), Snapshots.Computed(M(i), features), Snapshots.News(M(i)), Snapshots.Watchlist(M(i), "AAA", "BBB"));

    [Fact]
    public void Should_hold_a_ticker_rule_for_the_cooldown()
    {
        var engine = new SignalEngine(new SignalOptions { CooldownMinutes = 15 });
        var fired = Enumerable.Range(0, 31).Where(i => Step(engine, i, Snapshots.Breakout("AAA", M(i))).Recommendations.Count > 0).ToList();

        Assert.Equal([0, 15, 30], fired);
    }

    [Fact]
    public void Should_key_the_recommendation_by_ticker_minute_and_rule_and_carry_the_underlyings_bar()
    {
        var rec = Assert.Single(Step(new SignalEngine(new SignalOptions()), 0, Snapshots.Breakout("AAA", M(0))).Recommendations);

        Assert.Equal("AAA|2026-03-10T14:30Z|momentum_breakout", rec.SignalKey);
        Assert.Equal((101m, M(1), M(1), M(1), 0.001m, 0.1m), (rec.Close, rec.BarTs, rec.FeatureTs, rec.Ts, rec.RecentVol, rec.Atr14));
        using var reasons = JsonDocument.Parse(rec.ReasonsJson);
        Assert.Equal("momentum_breakout", reasons.RootElement.GetProperty("rule").GetString());
        Assert.Equal(2.2m, reasons.RootElement.GetProperty("inputs").GetProperty("vol_ratio").GetDecimal());
    }

    [Fact]
    public void Should_only_evaluate_watchlisted_ready_symbols_with_this_minutes_bar()
    {
        var engine = new SignalEngine(new SignalOptions());
        var step = Step(engine, 0,
            Snapshots.Breakout("CCC", M(0)),                               // not on the watchlist
            Snapshots.Breakout("AAA", M(0)) with { Ready = false },        // not ready
            Snapshots.Breakout("BBB", M(-1)));                             // last minute's bar
        Assert.Empty(step.Recommendations);
        Assert.Equal(["AAA", "BBB", "CCC"], step.LatestBars.Select(b => b.Ticker));
        Assert.Equal(M(0), step.LatestBars.Single(b => b.Ticker == "BBB").BarTs);
    }

    [Fact]
    public void Should_turn_decayed_news_into_a_news_signal()
    {
        var engine = new SignalEngine(new SignalOptions());
        engine.Step(M(0), Snapshots.Computed(M(0)), Snapshots.News(M(0), ("AAA", 0.9m)), Snapshots.Watchlist(M(0), "AAA"));
        var step = engine.Step(M(1), Snapshots.Computed(M(1), Snapshots.Quiet("AAA", M(1)) with { Return5 = 0.004m }),
            Snapshots.News(M(1)), Snapshots.Watchlist(M(1), "AAA"));

        Assert.Equal(TradeAction.BuyStock, Assert.Single(step.Recommendations).Action);
    }

    [Fact]
    public void Should_emit_the_same_recommendations_for_the_same_session_and_resume_identically()
    {
        var session = SessionGenerator.Generate(11, Snapshots.Date);
        var a = Keys(session, 0, session.Minutes.Count, null, out _);
        var b = Keys(session, 0, session.Minutes.Count, null, out _);
        Keys(session, 0, 200, null, out var state);
        var json = JsonSerializer.Serialize(state, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var resumed = Keys(session, 200, session.Minutes.Count, JsonSerializer.Deserialize<SignalState>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)), out _);

        Assert.NotEmpty(a);
        Assert.Equal(a, b);
        Assert.Equal(a.Where(x => string.CompareOrdinal(x.Split('#')[1], session.Minutes[200].Minute.ToString("O")) >= 0), resumed);
    }

    /// <summary>The session's recommendations (key#minute#confidence); the watchlist runs from the start every time.</summary>
    static List<string> Keys(SyntheticSession session, int from, int to, SignalState? state, out SignalState end)
    {
        var watchlist = new WatchlistEngine(new WatchlistOptions());
        var signal = new SignalEngine(new SignalOptions(), state);
        var keys = new List<string>();
        for (var i = 0; i < to; i++)
        {
            var m = session.Minutes[i];
            var w = watchlist.Step(session.Session.OpenUtc, m.Minute, m.Features, m.News);
            if (i < from) continue;
            var s = signal.Step(m.Minute, m.Features, m.News, new() { SessionDate = Snapshots.Date, Minute = m.Minute, Reranked = w.Reranked, RankedAt = w.RankedAt, Entries = w.Entries });
            keys.AddRange(s.Recommendations.Select(r => $"{r.SignalKey}#{m.Minute:O}#{r.Confidence}"));
        }
        end = signal.State;
        return keys;
    }
}
