namespace Tradewire.BrokerGateway.Tests;

public sealed class When_the_broker_section_is_checked_at_start
{
    [Fact]
    public void Should_accept_paper_without_any_venue() => Assert.Empty(new BrokerOptions().Problems());

    [Fact]
    public void Should_refuse_an_unknown_mode() =>
        Assert.Equal("Broker:Mode must be PAPER or LIVE, not 'REAL'", Assert.Single(new BrokerOptions { Mode = "REAL" }.Problems()));

    [Fact]
    public void Should_refuse_live_without_its_venue_and_key_pair()
    {
        var problems = new BrokerOptions { Mode = "LIVE" }.Problems().ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Broker:Alpaca:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Broker:Alpaca:KeyId and Broker:Alpaca:SecretKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_accept_live_with_url_and_keys()
    {
        var options = new BrokerOptions { Mode = "LIVE" };
        options.Alpaca.BaseUrl = "https://paper-api.alpaca.markets";
        (options.Alpaca.KeyId, options.Alpaca.SecretKey) = ("PK-test", "not-a-real-secret");
        Assert.Empty(options.Problems());
        options.Alpaca.Attempts = 0;
        Assert.Equal("Broker:Alpaca:Attempts must be between 1 and 10", Assert.Single(options.Problems()));
    }
}
