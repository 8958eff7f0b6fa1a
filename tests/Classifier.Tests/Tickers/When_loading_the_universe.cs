using Tradewire.ServiceDefaults.Symbols;

namespace Tradewire.Classifier.Tests.Tickers;

public sealed class When_loading_the_universe
{
    [Fact]
    public void Should_load_the_shipped_file_with_aliases()
    {
        var universe = Universe.LoadDefault();
        Assert.Equal(40, universe.Entries.Count);
        var ko = Assert.Single(universe.Entries, s => s.Symbol == "KO");
        Assert.Equal(["Coca-Cola", "Coca Cola"], ko.Aliases);
        Assert.Equal("NYSE", ko.Exchange);
    }

    [Fact]
    public void Should_reject_a_duplicate_symbol() =>
        Assert.Throws<FormatException>(() => Universe.Parse([
            "symbol,name,aliases,sector,exchange", "AAPL,Apple Inc.,Apple,Tech,NASDAQ", "AAPL,Apple,Apple,Tech,NASDAQ"]));

    [Fact]
    public void Should_reject_a_row_with_a_wrong_cell_count() =>
        Assert.Throws<FormatException>(() => Universe.Parse(["symbol,name,aliases,sector,exchange", "AAPL,Apple Inc.,Apple"]));
}
