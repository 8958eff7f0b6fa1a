using System.Net.ServerSentEvents;
using Tradewire.Dashboard.Live;

namespace Tradewire.Dashboard.Http;

/// <summary>
/// The page (static files) and its API: the panels' state, the provenance of one execution, the live stream
/// (server-sent events, one event type per channel), the kill switch and the
/// dispatcher's outcome labels.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboardEndpoints(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/api/state", async (StateQuery q) => Results.Json(await q.Build()));
        app.MapGet("/api/provenance/{executionId:guid}", async (Guid executionId, ProvenanceQuery q) =>
            await q.For(executionId) is { } chain ? Results.Json(chain) : Results.Problem($"No recorded event names execution {executionId}.", statusCode: 404));
        app.MapGet("/api/stream", (string? channels, LiveFeed feed, IHostApplicationLifetime lifetime, CancellationToken token) =>
        {
            var wanted = string.IsNullOrWhiteSpace(channels) ? LiveFeed.Channels.ToHashSet()
                : channels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
            var unknown = wanted.Except(LiveFeed.Channels).ToList();
            if (unknown.Count > 0)
                return Results.Problem($"Unknown channel(s): {string.Join(", ", unknown)}; known: {string.Join(", ", LiveFeed.Channels)}.", statusCode: 400);
            return TypedResults.ServerSentEvents(Stream(feed, wanted, token, lifetime.ApplicationStopping));
        });
        app.MapPost("/api/flatten", (HttpRequest request, FlattenProxy proxy) => proxy.Flatten(request));
        app.MapGet("/api/outcomes", (string? date, OutcomesProxy proxy, CancellationToken token) => proxy.Get(date, token));
        return app;
    }

    /// <summary>
    /// Ends when the page goes away or the service stops: an open page must not hold a shutdown past its grace
    /// period (the browser reconnects to the next instance by itself).
    /// </summary>
    static async IAsyncEnumerable<SseItem<object>> Stream(LiveFeed feed, IReadOnlySet<string> channels,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken aborted,
        CancellationToken stopping)
    {
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        yield return new SseItem<object>(new { channels }, "hello"); // the page knows it is connected before anything happens
        var messages = feed.Subscribe(channels, ends.Token).GetAsyncEnumerator(ends.Token);
        try
        {
            while (true)
            {
                try
                {
                    if (!await messages.MoveNextAsync())
                        yield break;
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return new SseItem<object>(new { messages.Current.Kind, messages.Current.Data }, messages.Current.Channel);
            }
        }
        finally
        {
            await messages.DisposeAsync();
        }
    }
}
