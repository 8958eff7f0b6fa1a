using Tradewire.FakeVenue.Tests.MarketData;
using Tradewire.Ingest.Live;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>AlpacaMarketDataFeed.Stream against the local market-data server: bars once, reconnects, refusals, bad messages.</summary>
public sealed class When_the_feed_streams
{
    static readonly string[] Symbols = ["AAA", "BBB", "CCC"];

    static List<FeedBar> Bars(List<FeedEvent> events) => events.OfType<FeedBar>().ToList();

    [Fact]
    public async Task Should_yield_connected_then_every_bar_of_the_session_once()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(Symbols, 5));
        var events = await h.Collect(h.Feed, Symbols, e => Bars(e).Count >= 15);

        Assert.IsType<FeedConnected>(events[0]);
        var bars = Bars(events);
        Assert.Equal(15, bars.Select(b => (b.Symbol, b.Minute)).Distinct().Count());
        var first = bars.Single(b => b.Symbol == "BBB" && b.Minute == SessionFolder.Minute(0));
        Assert.Equal((101.10m, 101.50m, 101.00m, 101.25m, 1000L, 10L, 101.25m, false),
            (first.Open, first.High, first.Low, first.Close, first.Volume, first.TradeCount, first.Vwap, first.Updated));
        Assert.Equal(0, h.Feed.MalformedMessages);
    }

    [Fact]
    public async Task Should_yield_disconnected_then_connected_after_a_drop_and_no_bar_twice()
    {
        // At 120x the last bars come 2.5 wall seconds after the drop: time enough to reconnect on a busy machine.
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA", "BBB"], 8), speed: 120,
            faults: new DataFault(DataFaultKind.DropAt, Minute: SessionFolder.Minute(3)));
        var events = await h.Collect(h.Feed, ["AAA", "BBB"],
            e => Bars(e).Count(b => b.Minute == SessionFolder.Minute(7)) == 2);

        var kinds = events.Where(e => e is not FeedBar).Select(e => e.GetType()).ToList();
        Assert.Equal([typeof(FeedConnected), typeof(FeedDisconnected), typeof(FeedConnected)], kinds);
        var bars = Bars(events);
        Assert.Equal(bars.Count, bars.Select(b => (b.Symbol, b.Minute, b.Updated)).Distinct().Count());
        var reconnected = events.FindLastIndex(e => e is FeedConnected);
        Assert.Contains(events.Skip(reconnected), e => e is FeedBar);

        // What the stream missed while reconnecting is in REST: together they make the whole session.
        var backfill = await h.Feed.Backfill(["AAA", "BBB"], SessionFolder.Open, SessionFolder.Minute(8), CancellationToken.None);
        Assert.Equal(16, backfill.Count);
        Assert.Subset(backfill.Select(b => (b.Symbol, b.Minute)).ToHashSet(), bars.Select(b => (b.Symbol, b.Minute)).ToHashSet());
    }

    [Fact]
    public async Task Should_yield_the_402_fault_then_recover()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA"], 3), faults: new DataFault(DataFaultKind.RefuseAuth));
        var events = await h.Collect(h.Feed, ["AAA"], e => Bars(e).Count >= 3);

        var fault = Assert.IsType<FeedFault>(events[0]);
        Assert.Equal((402, "auth failed"), (fault.Code, fault.Message));
        Assert.IsType<FeedConnected>(events[1]);
        Assert.Equal(3, Bars(events).Select(b => b.Minute).Distinct().Count());
    }

    [Fact]
    public async Task Should_yield_406_to_a_second_client_of_the_same_keys()
    {
        await using var h = await FeedHarness.Start(SessionFolder.Write(["AAA"], 30));
        using var stop = new CancellationTokenSource();
        await using var first = h.Feed.Stream(["AAA"], stop.Token).GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync());
        Assert.IsType<FeedConnected>(first.Current);

        var second = await h.Collect(h.Another(), ["AAA"], e => e.Count >= 1);
        var fault = Assert.IsType<FeedFault>(second[0]);
        Assert.Equal(406, fault.Code);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Should_yield_updated_bars_and_bad_values_but_skip_malformed_bars()
    {
        var folder = SessionFolder.Write(["AAA"], 3, "AAA,09:33,100,99,101,NaN,10", "AAA,09:34,100,101,99,100,-5");
        await using var h = await FeedHarness.Start(folder, faults: new DataFault(DataFaultKind.UpdateBar, "AAA", SessionFolder.Minute(1), Seconds: 5));
        var events = await h.Collect(h.Feed, ["AAA"], e => Bars(e).Any(b => b.Minute == SessionFolder.Minute(4)));

        var bars = Bars(events);
        var updated = Assert.Single(bars, b => b.Updated);
        Assert.Equal(SessionFolder.Minute(1), updated.Minute);
        Assert.True(updated.Volume > bars.Single(b => !b.Updated && b.Minute == SessionFolder.Minute(1)).Volume);
        Assert.Equal(-5, bars.Single(b => b.Minute == SessionFolder.Minute(4)).Volume);
        Assert.DoesNotContain(bars, b => b.Minute == SessionFolder.Minute(3));
        Assert.Equal(1, h.Feed.MalformedMessages);
    }
}
