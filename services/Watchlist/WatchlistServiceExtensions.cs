using Microsoft.Extensions.Hosting;
using Tradewire.Watchlist.Consumers;
using Tradewire.Watchlist.Domain;
using Tradewire.Watchlist.Persistence;

namespace Tradewire.Watchlist;

/// <summary>The watchlist's own services (options from the <c>Watchlist</c> section, the store); the bus is added separately.</summary>
public static class WatchlistServiceExtensions
{
    public static IHostApplicationBuilder AddWatchlist(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WatchlistOptions>(builder.Configuration.GetSection("Watchlist"));
        builder.Services.AddScoped<WatchlistStore>();
        return builder;
    }
}
