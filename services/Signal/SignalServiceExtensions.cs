using Microsoft.Extensions.Hosting;
using Tradewire.Signal.Consumers;
using Tradewire.Signal.Domain;
using Tradewire.Signal.Persistence;

namespace Tradewire.Signal;

/// <summary>The signal engine's own services (options from the <c>Signal</c> section, the store); the bus is added separately.</summary>
public static class SignalServiceExtensions
{
    public static IHostApplicationBuilder AddSignal(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SignalOptions>(builder.Configuration.GetSection("Signal"));
        builder.Services.AddScoped<SignalStore>();
        return builder;
    }
}
