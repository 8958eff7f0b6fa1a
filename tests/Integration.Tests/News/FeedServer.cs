using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tradewire.Integration.Tests.News;

/// <summary>
/// A local HTTP server (Kestrel on 127.0.0.1, free port) serving the real shared feeds, plus misbehaving routes:
/// <c>/html</c> (the MarketWatch HTML page), <c>/slow</c> (answers long after any sane timeout),
/// <c>/flaky</c> (500 on the first request, then a feed), <c>/error</c> (always 503).
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    readonly WebApplication _app;
    int _flakyRequests;

    FeedServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public int FlakyRequests => _flakyRequests;

    public string Feed(string relative) => $"{BaseUrl}/feeds/{relative}";

    public static async Task<FeedServer> Start(string feedsRoot)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new FeedServer(app);

        app.MapGet("/feeds/{**path}", (string path) =>
        {
            var full = Path.GetFullPath(Path.Combine(feedsRoot, path));
            return full.StartsWith(feedsRoot, StringComparison.Ordinal) && File.Exists(full)
                ? Results.Bytes(File.ReadAllBytes(full), "application/xml")
                : Results.NotFound();
        });
        app.MapGet("/html", () => Results.Bytes(File.ReadAllBytes(Path.Combine(feedsRoot, "rss_parser/unrecognized.rss")), "text/html"));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct); // the client gives up long before (News:Timeout)
            return Results.Bytes(File.ReadAllBytes(Path.Combine(feedsRoot, "codehollow_feedreader/Rss20Reuters.xml")), "application/xml");
        });
        app.MapGet("/flaky", () => Interlocked.Increment(ref server._flakyRequests) == 1
            ? Results.StatusCode(500)
            : Results.Bytes(File.ReadAllBytes(Path.Combine(feedsRoot, "codehollow_feedreader/Rss20CTVNews.xml")), "application/xml"));
        app.MapGet("/error", () => Results.StatusCode(503));

        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
