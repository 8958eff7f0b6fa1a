using Tradewire.ServiceDefaults.Configuration;

namespace Tradewire.ServiceDefaults.Tests;

public sealed class When_urls_and_secrets_reach_a_log
{
    [Theory]
    [InlineData("https://user:pw@paper-api.alpaca.markets/v2/orders?apiKey=abc", "https://paper-api.alpaca.markets/v2/orders?[redacted]")]
    [InlineData("https://data.alpaca.markets/v2/stocks/bars", "https://data.alpaca.markets/v2/stocks/bars")]
    [InlineData("not a url", "[redacted]")]
    public void Should_keep_only_scheme_host_and_path_of_a_url(string url, string shown) => Assert.Equal(shown, Redaction.Url(url));

    [Theory]
    [InlineData(null, "(not set)")]
    [InlineData("short", "****")]
    [InlineData("PKTESTKEY1234WXYZ", "****WXYZ")]
    public void Should_mask_a_secret_to_its_last_four_characters(string? secret, string shown) => Assert.Equal(shown, Redaction.Secret(secret));

    [Fact]
    public void Should_redact_urls_key_value_secrets_and_bearer_tokens_in_free_text()
    {
        var text = Redaction.Text("GET https://feed.example.com/rss?token=s3cr3tvalue99 failed; APCA-API-SECRET-KEY: sk_live_abcdefgh1234 "
            + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig password=hunter2hunter2");
        Assert.DoesNotContain("s3cr3tvalue99", text);
        Assert.DoesNotContain("sk_live_abcdefgh", text);
        Assert.DoesNotContain("eyJhbGciOiJIUzI1NiJ9", text);
        Assert.DoesNotContain("hunter2hunter2", text);
        Assert.EndsWith("password=****ter2", text);
        Assert.Contains("https://feed.example.com/rss?[redacted]", text);
        Assert.Contains("APCA-API-SECRET-KEY: ****1234", text);
    }
}
