using Tradewire.Dashboard.Domain;
using static Tradewire.Dashboard.Tests.Events;

namespace Tradewire.Dashboard.Tests;

public sealed class When_a_long_bracket_is_marked
{
    static readonly Guid Id = Guid.NewGuid();

    static PortfolioBook Book()
    {
        var book = new PortfolioBook(100_000m);
        book.Plan(Decision(Id, "AAPL", "BUY", 100, 100m, 98m, 104m));
        book.Apply(Fill(Id, "AAPL", "ENTRY", "BUY", 60, 100m, 1));
        book.Apply(Fill(Id, "AAPL", "ENTRY", "BUY", 40, 100.5m, 1));
        return book;
    }

    [Fact]
    public void Should_average_the_entry_fills_and_take_stop_and_target_from_the_plan()
    {
        var line = Assert.Single(Book().Lines);
        Assert.Equal(100m, line.Qty);
        Assert.Equal(100.2m, line.AvgPrice);
        Assert.Equal((98m, 104m), (line.Stop!.Value, line.Target!.Value));
        Assert.Equal(1, line.Direction);
    }

    [Fact]
    public void Should_value_the_open_position_at_the_mark_in_dollars_and_in_R()
    {
        var book = Book();
        book.Mark("AAPL", 104.6m);
        var line = Assert.Single(book.Lines);
        Assert.Equal(440m, line.Unrealized);           // (104.6 - 100.2) x 100
        Assert.Equal(2m, line.OpenR);                   // 4.4 in favour over a risk of 2.2 per share
        Assert.Equal(220m, line.OpenRisk);              // 100 x |100.2 - 98|
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(-10)]
    public void Should_refuse_a_fill_that_is_not_whole_shares_and_change_nothing(double qty)
    {
        var line = new PositionLine(Id, "AAPL", 1);
        line.Apply(Contracts.Execution.OrderSide.Buy, 10m, 100m);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => line.Apply(Contracts.Execution.OrderSide.Buy, (decimal)qty, 101m));
        Assert.Contains("whole shares", error.Message);
        Assert.Equal((10m, 100m), (line.Qty, line.AvgPrice));
    }

    [Fact]
    public void Should_value_the_gross_exposure_at_the_mark()
    {
        var book = Book();
        book.Mark("AAPL", 104.6m);
        Assert.Equal(10_460m, book.Snapshot(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).GrossExposure); // 100 x 104.6
    }

    [Fact]
    public void Should_ignore_marks_of_other_symbols()
    {
        var book = Book();
        book.Mark("MSFT", 1m);
        Assert.Equal(100.5m, Assert.Single(book.Lines).Mark); // still the last fill's price
    }

    [Fact]
    public void Should_realize_the_exit_and_leave_nothing_open()
    {
        var book = Book();
        book.Apply(Fill(Id, "AAPL", "TARGET", "SELL", 100, 104m, 30));
        book.Mark("AAPL", 110m);
        var line = Assert.Single(book.Lines);
        Assert.False(line.IsOpen);
        Assert.Equal(380m, line.Realized);               // (104 - 100.2) x 100
        Assert.Equal(0m, line.Unrealized);
        Assert.Null(line.OpenR);
        Assert.Equal(0m, line.OpenRisk);
    }
}
