using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Tradewire.Integration.Tests.Support;

/// <summary>A Kestrel endpoint in the test process on 127.0.0.1 and a free port, for services under test to call.</summary>
public static class LoopbackHttp
{
    /// <summary>Starts a server with the routes <paramref name="map"/> adds; its address once it listens.</summary>
    public static async Task<(WebApplication App, Uri Address)> Start(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
