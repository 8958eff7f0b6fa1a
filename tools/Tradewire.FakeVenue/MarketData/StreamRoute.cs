namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// <c>/v2/{feed}</c>: the stream's URL (the real-time page: <c>wss://stream.data.alpaca.markets/v2/{source}</c>,
/// source <c>iex</c> or <c>sip</c>). Another source, or a request that is not a WebSocket upgrade, is refused before
/// any message flows.
/// </summary>
internal static class StreamRoute
{
    public static void Map(WebApplication app, DataBook book, SimulatedClock clock, MarketDataOptions options)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Map("/v2/{feed}", async (string feed, HttpContext http, StreamHub hub) =>
        {
            if (feed is not ("iex" or "sip"))
            {
                await Wire.Error(VenueError.RouteNotFound).ExecuteAsync(http);
                return;
            }
            if (!http.WebSockets.IsWebSocketRequest)
            {
                await Wire.Error(new VenueError(400, 40010000, "websocket upgrade expected")).ExecuteAsync(http);
                return;
            }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var session = new StreamSession(hub.NextId(), socket, feed == "iex", book, hub, clock, options);
            await session.Run(stopping);
        });
    }
}
