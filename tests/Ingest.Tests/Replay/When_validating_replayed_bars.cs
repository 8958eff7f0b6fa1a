using Tradewire.Ingest.Replay;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Tests.Replay;

public class When_validating_replayed_bars
{
    static readonly TradingSession Session = new NyseCalendar().GetSession(new DateOnly(2026, 11, 20))!;
    static readonly HashSet<string> Universe = ["AAPL", "MSFT"];
    static int _line;

    static RawBarRow Row(string symbol, string time, string o, string h, string l, string c, string v) =>
        new(++_line, symbol, time, o, h, l, c, v, $"{symbol},{time},{o},{h},{l},{c},{v}");

    static string? Reason(BarValidator validator, RawBarRow row) => validator.Check(row).ReasonCode;

    [Fact]
    public void Should_accept_a_valid_bar_at_its_utc_minute()
    {
        var verdict = new BarValidator(Session, Universe).Check(Row("AAPL", "09:30", "10", "11", "9", "10.5", "100"));
        Assert.True(verdict.Accepted);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), verdict.Bar!.Minute);
        Assert.Equal(verdict.Bar.Minute.AddMinutes(1), verdict.Bar.ClosedAt);
    }

    [Theory]
    [InlineData("AAPL", "09:31", "NaN", "11", "9", "10", "100", BarRejection.NotANumber)]
    [InlineData("AAPL", "09:31", "10", "11", "9", "Infinity", "100", BarRejection.NotANumber)]
    [InlineData("AAPL", "09:31", "0", "11", "0", "10", "100", BarRejection.NonPositivePrice)]
    [InlineData("AAPL", "09:31", "-1", "11", "9", "10", "100", BarRejection.NonPositivePrice)]
    [InlineData("AAPL", "09:31", "10", "9", "11", "10", "100", BarRejection.HighBelowLow)]
    [InlineData("AAPL", "09:31", "12", "11", "9", "10", "100", BarRejection.OhlcInconsistent)]
    [InlineData("AAPL", "09:31", "10", "11", "9", "10", "-5", BarRejection.NegativeVolume)]
    [InlineData("AAPL", "09:31", "10", "11", "9", "10", "1.5", BarRejection.NotANumber)]
    [InlineData("AAPL", "09:29", "10", "11", "9", "10", "100", BarRejection.OutsideSession)]
    [InlineData("AAPL", "16:00", "10", "11", "9", "10", "100", BarRejection.OutsideSession)]
    [InlineData("AAPL", "9h31", "10", "11", "9", "10", "100", BarRejection.BadTime)]
    [InlineData("ZZZZ", "09:31", "10", "11", "9", "10", "100", BarRejection.UnknownSymbol)]
    public void Should_reject_a_bad_bar_with_its_reason(string symbol, string time, string o, string h, string l, string c, string v, string reason) =>
        Assert.Equal(reason, Reason(new BarValidator(Session, Universe), Row(symbol, time, o, h, l, c, v)));

    [Fact]
    public void Should_reject_a_malformed_line() =>
        Assert.Equal(BarRejection.MalformedLine, new BarValidator(Session, Universe).Check(new RawBarRow(7, "", "", "", "", "", "", "", "AAPL,09:30")).ReasonCode);

    [Fact]
    public void Should_reject_duplicates_and_out_of_order_bars_but_keep_the_stream_going()
    {
        var validator = new BarValidator(Session, Universe);
        Assert.Null(Reason(validator, Row("AAPL", "09:30", "10", "11", "9", "10", "1")));
        Assert.Null(Reason(validator, Row("AAPL", "09:32", "10", "11", "9", "10", "1")));
        Assert.Equal(BarRejection.DuplicateBar, Reason(validator, Row("AAPL", "09:32", "10", "11", "9", "10", "1")));
        Assert.Equal(BarRejection.OutOfOrderBar, Reason(validator, Row("AAPL", "09:31", "10", "11", "9", "10", "1")));
        Assert.Null(Reason(validator, Row("MSFT", "09:31", "10", "11", "9", "10", "1"))); // other symbols are independent
        Assert.Null(Reason(validator, Row("AAPL", "09:33", "10", "11", "9", "10", "1")));
    }

    [Fact]
    public void Should_not_let_a_rejected_bar_advance_its_symbols_order()
    {
        var validator = new BarValidator(Session, Universe);
        Assert.Equal(BarRejection.NotANumber, Reason(validator, Row("AAPL", "10:00", "NaN", "11", "9", "10", "1")));
        Assert.Null(Reason(validator, Row("AAPL", "09:45", "10", "11", "9", "10", "1")));
    }
}
