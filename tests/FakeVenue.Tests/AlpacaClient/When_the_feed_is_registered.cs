using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tradewire.Ingest.Live;
using Tradewire.Ingest.Live.Alpaca;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>AddAlpacaMarketData: MarketData:Alpaca:* binding, the key fallback, and refusal of a broken configuration.</summary>
public sealed class When_the_feed_is_registered
{
    static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAlpacaMarketData();
        return builder.Build().Services;
    }

    [Fact]
    public void Should_bind_the_settings_and_fall_back_to_alpacas_usual_keys()
    {
        var services = Build(new()
        {
            ["MarketData:Alpaca:StreamUrl"] = "ws://127.0.0.1:7190/v2/sip",
            ["MarketData:Alpaca:RestUrl"] = "http://127.0.0.1:7190",
            ["APCA_API_KEY_ID"] = "k",
            ["APCA_API_SECRET_KEY"] = "s",
        });
        var options = services.GetRequiredService<IOptions<AlpacaMarketDataOptions>>().Value;
        Assert.Equal(("k", "s", "sip", "http://127.0.0.1:7190"), (options.KeyId, options.SecretKey, options.Feed, options.RestUrl));
        Assert.IsType<AlpacaMarketDataFeed>(services.GetRequiredService<IMarketDataFeed>());
    }

    [Fact]
    public void Should_prefer_the_data_keys_and_build_the_stream_url_from_the_feed()
    {
        var services = Build(new()
        {
            ["MarketData:Alpaca:KeyId"] = "data-k", ["MarketData:Alpaca:SecretKey"] = "data-s", ["MarketData:Alpaca:DataFeed"] = "sip",
            ["APCA_API_KEY_ID"] = "trading-k", ["APCA_API_SECRET_KEY"] = "trading-s",
        });
        var options = services.GetRequiredService<IOptions<AlpacaMarketDataOptions>>().Value;
        Assert.Equal(("data-k", "data-s"), (options.KeyId, options.SecretKey));
        Assert.Equal(new Uri("wss://stream.data.alpaca.markets/v2/sip"), options.EffectiveStreamUrl);
    }

    [Theory]
    [InlineData(null, "iex")]
    [InlineData("k", "otc")]
    public void Should_refuse_missing_keys_or_an_unknown_feed(string? key, string feed)
    {
        var services = Build(new() { ["APCA_API_KEY_ID"] = key, ["APCA_API_SECRET_KEY"] = "s", ["MarketData:Alpaca:DataFeed"] = feed });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlpacaMarketDataOptions>>().Value);
    }
}
