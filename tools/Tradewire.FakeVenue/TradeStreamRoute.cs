namespace Tradewire.FakeVenue;

/// <summary>
/// <c>GET /stream</c>, the trading stream's WebSocket (wss://paper-api.alpaca.markets/stream). Not a WebSocket
/// upgrade: 400. While the stream is scripted down: 503, so a client has to retry.
/// </summary>
internal static class TradeStreamRoute
{
    public static void Map(WebApplication app, TradeStreamHub hub, FakeVenueOptions options)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Map("/stream", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
                return Results.BadRequest("a WebSocket upgrade is required");
            if (hub.Down)
                return Results.StatusCode(503);
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var session = new TradeStreamSession(socket, hub, options);
            if (!hub.TryAdd(session))
                return Results.Empty;
            await session.Run(stopping);
            return Results.Empty;
        });
    }
}
