using Microsoft.Extensions.Hosting;
using Tradewire.ServiceDefaults.Symbols;

namespace Tradewire.Ingest.Replay;

public static class ReplayExtensions
{
    /// <summary>The replay runner and the universe it validates symbols against.</summary>
    public static IHostApplicationBuilder AddReplay(this IHostApplicationBuilder builder)
    {
        Universe.Register(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<Publishing.SessionMinutePublisher>();
        builder.Services.AddSingleton<ReplayRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplayRunner>());
        return builder;
    }
}
