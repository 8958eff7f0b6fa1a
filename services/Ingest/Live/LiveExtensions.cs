using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tradewire.Ingest.Live.Alpaca;
using Tradewire.Ingest.Persistence;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Live;

public static class LiveExtensions
{
    /// <summary>
    /// <c>MarketData:*</c> options and the feed status; with <c>MarketData:Feed</c> = <c>simulated</c> or
    /// <c>alpaca</c> also the Alpaca market-data client and the live session runner.
    /// <c>replay</c> (the default) adds nothing that runs.
    /// </summary>
    public static IHostApplicationBuilder AddLiveSession(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().Bind(builder.Configuration.GetSection("MarketData"))
            .Validate(o => o.Feed is "replay" or "simulated" or "alpaca", "MarketData:Feed must be replay, simulated or alpaca")
            .Validate(o => o.Watermark >= TimeSpan.Zero && o.MaxHold > TimeSpan.Zero, "MarketData:Watermark must be >= 0 and MarketData:MaxHold > 0")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new LiveFeedStatus(sp.GetRequiredService<IOptions<LiveOptions>>().Value));
        var feed = builder.Configuration["MarketData:Feed"];
        if (feed is "simulated" or "alpaca")
        {
            builder.AddAlpacaMarketData(); // the local stand-in speaks Alpaca's protocol, so one client serves both
            builder.Services.AddSingleton<ILiveSessionSink, LiveStore>();
            builder.Services.AddSingleton<ILiveSessions, LiveSessionFactory>();
            builder.Services.AddHostedService<LiveSessionRunner>();
        }
        return builder;
    }

    /// <summary><c>GET /feed</c> (no token, read-only): the live feed's state, in the shape the CLI's status reads.</summary>
    public static WebApplication MapFeedStatus(this WebApplication app)
    {
        app.MapGet("/feed", (LiveFeedStatus status, IMarketClock clock) => Results.Json(status.Snapshot(clock.UtcNow)));
        return app;
    }
}
