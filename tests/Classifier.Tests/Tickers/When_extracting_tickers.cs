using Tradewire.ServiceDefaults.Symbols;
using Tradewire.Classifier.Tickers;

namespace Tradewire.Classifier.Tests.Tickers;

public sealed class When_extracting_tickers
{
    static readonly TickerExtractor Extractor = new(Universe.LoadDefault());

    static string[] Extract(string text) => Extractor.Extract(text).ToArray();

    [Theory]
    [InlineData("$AAPL jumps after earnings", "AAPL")]
    [InlineData("$aapl and $Msft lead the tape", "AAPL,MSFT")]
    [InlineData("Options flow: $KO $V $MA", "KO,V,MA")]
    [InlineData("Heavy volume in $A and $IT today", "A,IT")]
    [InlineData("$ALL beats estimates", "ALL")]
    public void Should_accept_cashtags_of_any_symbol(string text, string expected) =>
        Assert.Equal(expected.Split(','), Extract(text));

    [Theory]
    [InlineData("Earnings beat at NASDAQ:AAPL", "AAPL")]
    [InlineData("NYSE: JPM raises dividend", "JPM")]
    [InlineData("The Coca-Cola Company (NYSE:KO) lifts outlook", "KO")]
    [InlineData("Visa Inc (NYSE:V) and Mastercard (NYSE: MA) fall", "V,MA")]
    [InlineData("nyse:BA halts deliveries", "BA")]
    [InlineData("Gartner (NYSE:IT) cut to sell", "IT")]
    public void Should_accept_exchange_prefixed_symbols(string text, string expected) =>
        Assert.Equal(expected.Split(','), Extract(text));

    [Theory]
    [InlineData("It is now all about the Fed")]
    [InlineData("IT spending slows; ALL eyes on NOW")]
    [InlineData("A V-shaped recovery is not what MA voters want, BA graduates say")]
    [InlineData("KO punch: boxing returns")]
    [InlineData("HD video streaming grows")]
    [InlineData("Information Technology (IT) budgets shrink")]
    [InlineData("Class A shares of the new fund")]
    [InlineData("ALL-TIME HIGH FOR THE DOW")]
    [InlineData("apple pie and amazon rainforest")]
    [InlineData("Applebee's and Nikeville are not companies we trade")]
    [InlineData("$1.5 billion deal closes")]
    [InlineData("NASDAQ: ZZZZ unknown listing")]
    [InlineData("")]
    public void Should_find_nothing_in_common_words(string text) =>
        Assert.Empty(Extract(text));

    [Theory]
    [InlineData("Investors dump shares of ALL after storm losses", "ALL")]
    [InlineData("Fund takes a stake in NOW", "NOW")]
    [InlineData("Calls on V surge before earnings", "V")]
    [InlineData("Allstate Corp. (ALL) raises rates", "ALL")]
    [InlineData("Agilent Technologies Inc. (A) beats", "A")]
    [InlineData("ServiceNow (NOW) guides higher", "NOW")]
    public void Should_accept_ambiguous_symbols_in_ticker_context(string text, string expected) =>
        Assert.Equal(expected.Split(','), Extract(text));

    [Theory]
    [InlineData("AAPL and NVDA rally; TSLA lags", "AAPL,NVDA,TSLA")]
    [InlineData("Traders rotate from XOM into CVX", "XOM,CVX")]
    [InlineData("SPY and QQQ at records", "SPY,QQQ")]
    public void Should_accept_bare_unambiguous_symbols(string text, string expected) =>
        Assert.Equal(expected.Split(','), Extract(text));

    [Theory]
    [InlineData("Apple unveils new iPhone", "AAPL")]
    [InlineData("Goldman Sachs upgrades Coca-Cola", "GS,KO")]
    [InlineData("Coca Cola and PepsiCo trade places", "KO,PEP")]
    [InlineData("JPMorgan Chase and Bank of America report", "JPM,BAC")]
    [InlineData("J&J settles talc suits; McDonald's sales rise", "JNJ,MCD")]
    [InlineData("McDonald\u2019s adds a new burger", "MCD")]
    [InlineData("Apple's supplier warns", "AAPL")]
    [InlineData("Google parent Alphabet and Facebook owner Meta Platforms", "GOOGL,META")]
    [InlineData("Advanced Micro Devices gains as Intel slips", "AMD,INTC")]
    [InlineData("Allstate, Gartner, ServiceNow and Agilent report", "ALL,IT,NOW,A")]
    [InlineData("Visa and Mastercard fined; Boeing delays jet", "V,MA,BA")]
    public void Should_accept_company_aliases(string text, string expected) =>
        Assert.Equal(expected.Split(','), Extract(text));

    [Fact]
    public void Should_read_aliases_in_all_caps_headlines()
    {
        Assert.Equal(["AAPL", "GS"], Extract("APPLE SHARES SURGE AS GOLDMAN SACHS UPGRADES"));
        Assert.Empty(Extract("IT IS NOW ALL ABOUT A RALLY"));
    }

    [Fact]
    public void Should_list_each_symbol_once_in_order_of_first_mention()
    {
        Assert.Equal(["MSFT", "AAPL"], Extract("Microsoft tops Apple; $AAPL then NASDAQ:MSFT and Apple again"));
    }

    [Fact]
    public void Should_search_the_title_then_the_summary()
    {
        Assert.Equal(["NFLX", "DIS"], Extractor.Extract("Netflix subscriber growth slows", "Rival Disney gains share."));
        Assert.Equal(["NFLX"], Extractor.Extract("Netflix subscriber growth slows", null));
    }

    [Theory]
    [InlineData("GS")]
    [InlineData("KO")]
    [InlineData("ALL")]
    [InlineData("NOW")]
    [InlineData("COST")]
    [InlineData("A")]
    public void Should_treat_short_and_word_like_symbols_as_ambiguous(string symbol) =>
        Assert.True(TickerExtractor.IsAmbiguous(symbol));

    [Theory]
    [InlineData("AAPL")]
    [InlineData("JPM")]
    [InlineData("QQQ")]
    public void Should_treat_other_symbols_as_unambiguous(string symbol) =>
        Assert.False(TickerExtractor.IsAmbiguous(symbol));
}
