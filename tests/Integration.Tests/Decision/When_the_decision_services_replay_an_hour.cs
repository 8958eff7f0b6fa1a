using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;

namespace Tradewire.Integration.Tests.Decision;

/// <summary>
/// The watchlist and signal services, hosted with their own databases, consume 60 minutes of features and news
/// sent partly out of order: the watchlist publishes one update per minute and reranks every 5th, the signal
/// engine one evaluation per minute; a second run on fresh databases publishes exactly the same.
/// </summary>
public sealed class When_the_decision_services_replay_an_hour
{
    const int Minutes = 60;

    [Fact]
    public async Task Should_publish_every_minute_rerank_every_fifth_and_repeat_itself()
    {
        // A trading day no other test is likely to use, so the shared exchanges' other traffic is ignored.
        var calendar = new NyseCalendar();
        var session = calendar.NextSession(new DateOnly(2027, 1, 1).AddDays(Random.Shared.Next(300)));

        var first = await Run(session);
        var second = await Run(session);

        Assert.Equal(Minutes, first.Watchlists.Count);
        Assert.Equal(Enumerable.Range(0, Minutes).Select(i => session.OpenUtc.AddMinutes(i)), first.Watchlists.Select(w => w.Minute));
        Assert.Equal(Enumerable.Range(0, Minutes).Select(i => i % 5 == 4), first.Watchlists.Select(w => w.Reranked));
        Assert.All(first.Watchlists.Take(4), w => Assert.Empty(w.Entries));
        Assert.All(first.Watchlists.Skip(4), w => Assert.Equal(8, w.Entries.Count));
        Assert.All(first.Watchlists.SelectMany(w => w.Entries), e => Assert.Equal(e.Score, e.Attribution.Values.Sum()));

        Assert.Equal(Minutes, first.Signals.Count);
        Assert.Equal(first.Watchlists.Select(w => w.Minute), first.Signals.Select(s => s.Minute));
        Assert.All(first.Signals, s => Assert.Equal(s.Minute.AddMinutes(1), s.EvaluatedAt));
        Assert.All(first.Signals.Skip(4), s => Assert.Equal(8, s.LatestBars.Count));
        var recommendations = first.Signals.SelectMany(s => s.Recommendations).ToList();
        Assert.Contains(recommendations, r => r.Ticker == "AAA" && r.Action == TradeAction.BuyCall);
        Assert.Contains(recommendations, r => r.Ticker == "BBB" && r.Action == TradeAction.BuyPut);
        Assert.Contains(recommendations, r => r.Ticker == "CCC" && r.Action == TradeAction.BuyStock);
        Assert.Equal(recommendations.Count, first.SignalLogRows);
        Assert.Equal(first.Watchlists.Where(w => w.Reranked).Sum(w => w.Entries.Count), first.WatchlistRows);

        Assert.Equal(Json(first.Watchlists), Json(second.Watchlists));
        Assert.Equal(Json(first.Signals), Json(second.Signals));
    }

    sealed record Outcome(IReadOnlyList<WatchlistUpdated> Watchlists, IReadOnlyList<SignalsEvaluated> Signals, long WatchlistRows, long SignalLogRows);

    static async Task<Outcome> Run(TradingSession session)
    {
        await using var watchlist = await DecisionHost.StartWatchlist(session.Date);
        await using var signal = await DecisionHost.StartSignal(session.Date);
        var inputs = DecisionSession.Build(session.Date, session.OpenUtc, Minutes);

        // Out of order on purpose: news runs ahead of features, and every pair of minutes is swapped.
        var order = Enumerable.Range(0, Minutes).Select(i => i % 2 == 0 ? Math.Min(i + 1, Minutes - 1) : i - 1).Distinct().ToList();
        order.AddRange(Enumerable.Range(0, Minutes).Except(order));
        foreach (var i in order)
        {
            await watchlist.Send(inputs[i].News);
            await signal.Send(inputs[i].News);
        }
        foreach (var i in order)
        {
            await signal.Send(inputs[i].Features);
            await watchlist.Send(inputs[i].Features);
        }

        var collector = watchlist.Collector;
        await Eventually.Until(() => Task.FromResult(collector.Signals.Count), n => n >= Minutes, TimeSpan.FromSeconds(90), "60 SignalsEvaluated");
        await Eventually.Until(() => Task.FromResult(collector.Watchlists.Count), n => n >= Minutes, TimeSpan.FromSeconds(10), "60 WatchlistUpdated");
        return new Outcome(
            collector.Watchlists.OrderBy(w => w.Minute).ToList(),
            collector.Signals.OrderBy(s => s.Minute).ToList(),
            await LocalInfra.Count(watchlist.ConnectionString, "SELECT count(*) FROM watchlist_state"),
            await LocalInfra.Count(signal.ConnectionString, "SELECT count(*) FROM signal_log"));
    }

    static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items);
}
