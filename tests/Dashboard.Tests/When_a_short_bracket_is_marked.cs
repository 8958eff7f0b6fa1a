using Tradewire.Contracts.Execution;
using Tradewire.Dashboard.Domain;
using static Tradewire.Dashboard.Tests.Events;

namespace Tradewire.Dashboard.Tests;

public sealed class When_a_short_bracket_is_marked
{
    [Fact]
    public void Should_gain_when_the_price_falls_and_measure_R_against_a_stop_above()
    {
        var id = Guid.NewGuid();
        var book = new PortfolioBook(50_000m);
        book.Plan(Decision(id, "TSLA", "SELL", 10, 200m, 205m, 190m));
        book.Apply(Fill(id, "TSLA", "ENTRY", "SELL", 10, 200m, 0));
        book.Mark("TSLA", 195m);
        var line = Assert.Single(book.Lines);
        Assert.Equal(-1, line.Direction);
        Assert.Equal(50m, line.Unrealized);
        Assert.Equal(1m, line.OpenR);
        book.Apply(Fill(id, "TSLA", "STOP", "BUY", 4, 205m, 5));
        Assert.Equal(-20m, line.Realized);               // bought back 4 at 5 above the short entry
        Assert.Equal(6m, line.Qty);
    }

    [Fact]
    public void Should_never_realize_past_a_flat_position()
    {
        var line = new PositionLine(Guid.NewGuid(), "X", 1);
        line.Apply(OrderSide.Buy, 5, 10m);
        Assert.Equal(5m, line.Apply(OrderSide.Sell, 8, 11m));  // only the 5 held are realized
        Assert.Equal(0m, line.Qty);
        Assert.Throws<ArgumentOutOfRangeException>(() => line.Apply(OrderSide.Buy, 0, 10m));
    }
}
