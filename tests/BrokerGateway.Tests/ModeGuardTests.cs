using Tradewire.BrokerGateway.Mode;

namespace Tradewire.BrokerGateway.Tests;

public sealed class When_a_mode_switch_is_checked
{
    static BrokerOptions Live(string? keyId = "AKLIVE", string? paperKeyId = null)
    {
        var options = new BrokerOptions { PaperKeyId = paperKeyId };
        (options.Alpaca.BaseUrl, options.Alpaca.KeyId, options.Alpaca.SecretKey) = ("https://api.alpaca.markets", keyId, keyId is null ? null : "secret");
        return options;
    }

    [Theory]
    [InlineData(null, null, "MODE_REQUIRED")]
    [InlineData("REAL", null, "MODE_INVALID")]
    [InlineData("live", "CONFIRM LIVE TRADING", "MODE_INVALID")]
    [InlineData("LIVE", null, "CONFIRM_PHRASE_MISMATCH")]
    [InlineData("LIVE", "confirm live trading", "CONFIRM_PHRASE_MISMATCH")]
    [InlineData("LIVE", "CONFIRM LIVE TRADING ", "CONFIRM_PHRASE_MISMATCH")]
    public void Should_refuse_a_request_without_a_known_mode_or_the_exact_phrase(string? mode, string? confirm, string code)
    {
        var refusal = ModeGuard.CheckRequest(new ModeRequest(mode, confirm));
        Assert.Equal((code, 400), (refusal?.Code, refusal?.Status ?? 0));
    }

    [Theory]
    [InlineData("PAPER", null)]
    [InlineData("LIVE", "CONFIRM LIVE TRADING")]
    public void Should_accept_PAPER_and_LIVE_with_the_phrase(string mode, string? confirm) =>
        Assert.Null(ModeGuard.CheckRequest(new ModeRequest(mode, confirm)));

    [Fact]
    public void Should_refuse_LIVE_without_a_venue_or_keys_or_with_the_paper_accounts_key()
    {
        Assert.Equal("LIVE_VENUE_NOT_CONFIGURED", ModeGuard.CheckLive(new BrokerOptions(), false, 0, 0)?.Code);
        Assert.Equal("LIVE_KEYS_MISSING", ModeGuard.CheckLive(Live(keyId: null), false, 0, 0)?.Code);
        Assert.Equal("LIVE_KEYS_SAME_AS_PAPER", ModeGuard.CheckLive(Live(paperKeyId: "AKLIVE"), false, 0, 0)?.Code);
        Assert.Null(ModeGuard.CheckLive(Live(paperKeyId: "PKPAPER"), false, 0, 0));
    }

    [Fact]
    public void Should_refuse_LIVE_while_the_kill_switch_is_set_or_PAPER_exposure_is_open()
    {
        Assert.Equal("KILL_SWITCH_ENGAGED", ModeGuard.CheckLive(Live(), true, 0, 0)?.Code);
        Assert.Equal("OPEN_PAPER_POSITIONS", ModeGuard.CheckLive(Live(), false, 1, 0)?.Code);
        Assert.Equal("OPEN_PAPER_ORDERS", ModeGuard.CheckLive(Live(), false, 0, 2)?.Code);
        Assert.Null(ModeGuard.CheckLive(Live(), false, 0, 0));
    }

    [Fact]
    public void Should_not_start_LIVE_with_the_paper_accounts_key()
    {
        var options = Live(paperKeyId: "AKLIVE");
        options.Mode = "LIVE";
        Assert.Contains(options.Problems(), p => p.Contains("paper account's key", StringComparison.Ordinal));
    }
}
