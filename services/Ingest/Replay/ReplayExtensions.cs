using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tradewire.Ingest.Replay;

public static class ReplayExtensions
{
    /// <summary>The replay runner and the universe it validates symbols against.</summary>
    public static IHostApplicationBuilder AddReplay(this IHostApplicationBuilder builder)
    {
        var path = builder.Configuration["Universe:Path"] ?? Path.Combine(AppContext.BaseDirectory, "universe.csv");
        builder.Services.AddSingleton(Universe.Load(path));
        builder.Services.AddSingleton<Publishing.SessionMinutePublisher>();
        builder.Services.AddSingleton<ReplayRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplayRunner>());
        return builder;
    }
}
