using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Tradewire.Integration.Tests.Support;

/// <summary>An alert webhook in the test process: keeps the JSON body of every POST to <c>/hook</c>, with its query string.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly ConcurrentQueue<(string Query, JsonElement Body)> _posts = new();
    WebApplication _app = null!;

    public Uri Address { get; private set; } = null!;
    public IReadOnlyCollection<(string Query, JsonElement Body)> Posts => _posts;

    public static async Task<WebhookReceiver> Start()
    {
        var receiver = new WebhookReceiver();
        (receiver._app, receiver.Address) = await LoopbackHttp.Start(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            receiver._posts.Enqueue((request.QueryString.Value ?? "", body));
            return Results.NoContent();
        }));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
