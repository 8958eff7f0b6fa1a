using Tradewire.Ingest.Live;
using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Live;

public class When_closing_live_minutes
{
    static readonly TradingSession Session = new NyseCalendar().GetSession(new DateOnly(2026, 12, 4))!;
    static readonly DateTimeOffset Open = Session.OpenUtc;
    static readonly TimeSpan Watermark = TimeSpan.FromSeconds(5);
    static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(1);
    static readonly HashSet<string> Universe = ["AAPL", "MSFT"];

    static DateTimeOffset At(int minute, int second = 0) => Open.AddMinutes(minute).AddSeconds(second);

    static FeedBar Bar(string symbol, int minute, decimal close = 10m, bool updated = false, decimal high = 11m) =>
        new(symbol, At(minute), 10m, high, 9m, close, 100, 3, 10m, updated, At(minute + 1, 1));

    static MinuteBook Book(DateTimeOffset? next = null, DateTimeOffset? startedAt = null, TimeSpan? maxHold = null) =>
        new(Session, Universe, next ?? Open, Watermark, maxHold ?? MaxHold, startedAt ?? Open);

    [Fact]
    public void Should_close_a_minute_at_its_end_plus_the_watermark_when_connected_before_its_end()
    {
        var book = Book();
        book.Connected(At(0));
        Assert.Equal(BarFate.Held, book.Offer(Bar("MSFT", 0), false).Fate);
        Assert.Equal(BarFate.Held, book.Offer(Bar("AAPL", 0), false).Fate);

        Assert.Empty(book.Close(At(1, 4)));
        var closed = Assert.Single(book.Close(At(1, 5)));

        Assert.Equal(At(0), closed.Minute);
        Assert.Equal(["AAPL", "MSFT"], closed.Bars.Select(b => b.Symbol));
        Assert.False(closed.Stale);
        Assert.Equal(At(1), book.NextToClose);
    }

    [Fact]
    public void Should_close_a_minute_without_trades_with_the_bars_it_has()
    {
        var book = Book();
        book.Connected(At(0));
        book.Offer(Bar("AAPL", 0), false);

        Assert.Equal(["AAPL"], Assert.Single(book.Close(At(1, 5))).Bars.Select(b => b.Symbol));
        Assert.Empty(Assert.Single(book.Close(At(2, 5))).Bars);
    }

    [Fact]
    public void Should_hold_minutes_while_disconnected_and_backfill_them_after_the_reconnect_each_bar_once()
    {
        var book = Book(maxHold: TimeSpan.FromMinutes(5));
        book.Connected(At(0));
        book.Offer(Bar("AAPL", 0), false);
        book.Disconnected();

        Assert.Empty(book.Close(At(3, 30)));
        Assert.Null(book.BackfillNeeded(At(3, 30)));

        book.Connected(At(3, 40));
        Assert.Equal((At(0), At(3)), book.BackfillNeeded(At(3, 40)));
        Assert.Equal(BarFate.Deduplicated, book.Offer(Bar("AAPL", 0), true).Fate);
        foreach (var m in new[] { 0, 1, 2 })
            book.Offer(Bar("MSFT", m), true);
        book.Backfilled(At(3));
        // The stream repeats a minute the backfill already gave: dropped, not refused.
        Assert.Equal(BarFate.Deduplicated, book.Offer(Bar("MSFT", 2), false).Fate);

        var closed = book.Close(At(3, 40));
        Assert.Equal([At(0), At(1), At(2)], closed.Select(c => c.Minute));
        Assert.Equal([2, 1, 1], closed.Select(c => c.Bars.Count));
        Assert.All(closed, c => Assert.False(c.Stale));
        // Minute 3 ended after the reconnect: the stream covers it.
        Assert.Null(book.BackfillNeeded(At(4, 5)));
        Assert.Single(book.Close(At(4, 5)));
    }

    [Fact]
    public void Should_not_trust_a_backfill_for_a_minute_whose_watermark_had_not_passed()
    {
        var book = Book();
        book.Connected(At(2, 2)); // connected after minute 1 ended, before its watermark

        Assert.Equal((At(0), At(1)), book.BackfillNeeded(At(2, 4)));
        book.Backfilled(At(1));
        Assert.Single(book.Close(At(2, 4)));
        Assert.Null(book.BackfillNeeded(At(2, 4)));
        Assert.Equal((At(1), At(2)), book.BackfillNeeded(At(2, 5)));
    }

    [Fact]
    public void Should_close_held_minutes_stale_after_max_hold_and_raise_the_outage_once()
    {
        var book = Book();
        book.Connected(At(0));
        book.Disconnected();
        Assert.Equal(At(1, 5) + MaxHold, book.NextWake(At(1, 10)));

        Assert.Empty(book.Close(At(2, 4)));
        var first = Assert.Single(book.Close(At(2, 5)));
        Assert.True(first.Stale && first.StartsOutage);
        var second = Assert.Single(book.Close(At(3, 5)));
        Assert.True(second.Stale && !second.StartsOutage);

        // A bar for a minute closed stale is late, never re-deciding it.
        var late = book.Offer(Bar("AAPL", 0), false);
        Assert.Equal(BarFate.Late, late.Fate);
        Assert.Equal(BarRejection.MinuteAlreadyClosed, late.Refusal!.ReasonCode);
        Assert.Equal(At(2, 5), late.MinuteClosedAt);

        book.Connected(At(3, 10));
        book.Offer(Bar("AAPL", 2), true);
        book.Backfilled(At(3));
        var recovered = Assert.Single(book.Close(At(3, 10)));
        Assert.False(recovered.Stale);
        Assert.Single(recovered.Bars);
        book.Disconnected();
        Assert.True(Assert.Single(book.Close(At(5, 5))).StartsOutage); // a new outage raises again
    }

    [Fact]
    public void Should_count_the_hold_of_minutes_due_before_a_restart_from_the_restart()
    {
        var restart = At(120);
        var book = Book(next: At(100), startedAt: restart);

        Assert.Empty(book.Close(restart.AddSeconds(59)));
        var stale = book.Close(restart.AddSeconds(60)); // minutes 100..118 were due before the restart; none came
        Assert.Equal(Enumerable.Range(100, 19).Select(m => At(m)), stale.Select(c => c.Minute));
        Assert.True(stale[0].StartsOutage);
    }

    [Fact]
    public void Should_record_updated_bars_and_refuse_bad_ones_once()
    {
        var book = Book();
        book.Connected(At(0));
        book.Offer(Bar("AAPL", 0), false);
        Assert.Equal(BarFate.Updated, book.Offer(Bar("AAPL", 0, close: 10.5m, updated: true), false).Fate);

        Assert.Equal(BarRejection.HighBelowLow, book.Offer(Bar("MSFT", 0, high: 8m), false).Refusal!.ReasonCode);
        Assert.Equal(BarFate.Deduplicated, book.Offer(Bar("MSFT", 0, high: 8m), true).Fate);
        Assert.Equal(BarRejection.UnknownSymbol, book.Offer(Bar("TSLA", 0), false).Refusal!.ReasonCode);
        Assert.Equal(BarRejection.DuplicateBar, book.Offer(Bar("AAPL", 0, close: 9.5m), false).Refusal!.ReasonCode);
        Assert.Equal(BarRejection.OutsideSession, book.Offer(Bar("AAPL", 390), false).Refusal!.ReasonCode);
        Assert.Equal(BarRejection.BadTime, book.Offer(Bar("AAPL", 0) with { Minute = At(0, 30) }, false).Refusal!.ReasonCode);

        Assert.Equal(10m, Assert.Single(Assert.Single(book.Close(At(1, 5))).Bars).Close);
    }

    [Fact]
    public void Should_be_done_after_the_last_minute_of_an_early_close()
    {
        var early = new NyseCalendar().GetSession(new DateOnly(2026, 11, 27))!;
        var book = new MinuteBook(early, Universe, early.CloseUtc.AddMinutes(-1), Watermark, MaxHold, early.CloseUtc);
        book.Connected(early.CloseUtc.AddMinutes(-2));

        Assert.Single(book.Close(early.CloseUtc + Watermark));
        Assert.True(book.Done);
        Assert.Equal(DateTimeOffset.MaxValue, book.NextWake(early.CloseUtc.AddHours(1)));
    }
}
