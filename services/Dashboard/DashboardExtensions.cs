using Tradewire.Dashboard.Consumers;
using Tradewire.Dashboard.Http;
using Tradewire.Dashboard.Live;
using Tradewire.Dashboard.Persistence;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Dashboard;

/// <summary>The dashboard's database, its consumers (one queue each, every one under the inbox and outbox), the page and its API.</summary>
public static class DashboardExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:7108";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));
        // The kill switch is reachable from this page: loopback only unless the deployment says otherwise
        // (ASPNETCORE_URLS or Urls, as every service is configured).
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.AddServiceDatabase<DashboardDbContext>();
        builder.AddServiceBus<DashboardDbContext>(x =>
        {
            x.AddConsumer<MarketDataConsumer>();
            x.AddConsumer<NewsConsumer>();
            x.AddConsumer<WatchlistConsumer>();
            x.AddConsumer<SignalsConsumer>();
            x.AddConsumer<DecisionConsumer>();
            x.AddConsumer<ExecutionConsumer>();
            x.AddConsumer<RiskConsumer>();
        });
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<MinuteBarCache>();
        builder.Services.AddScoped<EventRecorder>();
        builder.Services.AddScoped<DashboardReader>();
        builder.Services.AddScoped<StateQuery>();
        builder.Services.AddScoped<ProvenanceQuery>();
        builder.Services.Configure<Watchdog.WatchdogOptions>(builder.Configuration.GetSection("Watchdog"));
        builder.Services.AddScoped<Watchdog.WatchdogSnapshotQuery>();
        builder.Services.AddHttpClient<Watchdog.AlertWebhook>(c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<Watchdog.WatchdogLoop>();
        var urls = builder.Configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        builder.Services.AddHttpClient<FlattenProxy>(c =>
        {
            c.BaseAddress = urls.BrokerGatewayUrl;
            c.Timeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddHttpClient<OutcomesProxy>(c =>
        {
            c.BaseAddress = urls.DispatcherUrl;
            c.Timeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapDashboardEndpoints();
        return app;
    }
}
