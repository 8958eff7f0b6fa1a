using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>Registers <see cref="AlpacaMarketDataFeed"/> as the <see cref="IMarketDataFeed"/> (for MarketData:Feed = simulated or alpaca).</summary>
public static class AlpacaMarketDataExtensions
{
    const string HttpClientName = "alpaca-market-data";

    public static IHostApplicationBuilder AddAlpacaMarketData(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<AlpacaMarketDataOptions>()
            .Bind(configuration.GetSection(AlpacaMarketDataOptions.Section))
            .PostConfigure(o =>
            {
                // The data keys may differ from the trading keys; without their own, Alpaca's usual variables serve.
                if (string.IsNullOrEmpty(o.KeyId)) o.KeyId = configuration["APCA_API_KEY_ID"];
                if (string.IsNullOrEmpty(o.SecretKey)) o.SecretKey = configuration["APCA_API_SECRET_KEY"];
            })
            .Validate(o => o.Problem() is null, "MarketData:Alpaca is invalid (keys missing, a URL wrong, or the feed not iex/sip)")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // A backfill page of 10,000 bars takes a moment to build; retries cover a hung request.
        builder.Services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<IMarketDataFeed>(sp => new AlpacaMarketDataFeed(
            sp.GetRequiredService<IOptions<AlpacaMarketDataOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlpacaMarketDataFeed>>()));
        return builder;
    }
}
