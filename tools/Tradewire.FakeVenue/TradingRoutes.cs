namespace Tradewire.FakeVenue;

/// <summary>The <c>/v2</c> routes: the subset of Alpaca's Trading API v2 that the venue speaks.</summary>
internal static class TradingRoutes
{
    public static void Map(WebApplication app, VenueBook book)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        var v2 = app.MapGroup("/v2");
        RouteHandlerBuilder Faulty(RouteHandlerBuilder route, FaultRoute kind) =>
            route.AddEndpointFilter(new FaultFilter(book, kind, stopping));

        Faulty(v2.MapGet("/account", () => Wire.Ok(book.Account())), FaultRoute.Any);
        Faulty(v2.MapGet("/clock", () => Wire.Ok(book.MarketClock())), FaultRoute.Any);
        Faulty(v2.MapGet("/positions", () => Wire.Ok(book.Positions())), FaultRoute.Any);
        Faulty(v2.MapGet("/positions/{symbol}", (string symbol) => Wire.Answer(book.Position(symbol))), FaultRoute.Any);

        Faulty(v2.MapPost("/orders", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<OrderRequest>(http);
            if (body.Error is { } bad) return Wire.Error(bad);
            var outcome = book.Submit(body.Value!, out var clientOrderId);
            http.Items[RequestJournal.ClientOrderIdItem] = clientOrderId;
            return Wire.Answer(outcome);
        }), FaultRoute.Submit);
        Faulty(v2.MapGet("/orders", (HttpContext http) =>
        {
            var query = OrderQuery.Parse(http.Request.Query);
            return query.Error is { } bad ? Wire.Error(bad) : Wire.Ok(book.List(query.Value!));
        }), FaultRoute.List);
        // A literal colon inside a segment routes as plain text; only "{name:constraint}" gives it a meaning.
        Faulty(v2.MapGet("/orders:by_client_order_id", (HttpContext http) =>
            http.Request.Query["client_order_id"].FirstOrDefault() is { Length: > 0 } id
                ? Wire.Answer(book.FindByClientOrderId(id))
                : Wire.Error(VenueError.Invalid("client_order_id is required"))), FaultRoute.Get);
        Faulty(v2.MapGet("/orders/{order_id}", (string order_id) => Wire.Answer(book.Find(order_id))), FaultRoute.Get);
        Faulty(v2.MapDelete("/orders", () => Results.Json(book.CancelAll(), Wire.Json, statusCode: 207)), FaultRoute.Cancel);
        Faulty(v2.MapDelete("/positions", (HttpContext http) =>
            Results.Json(book.CloseAll(http.Request.Query["cancel_orders"].FirstOrDefault() == "true"), Wire.Json, statusCode: 207)), FaultRoute.Any);
        Faulty(v2.MapDelete("/orders/{order_id}", (string order_id) =>
            book.Cancel(order_id) is { } refused ? Wire.Error(refused) : Results.NoContent()), FaultRoute.Cancel);
        Faulty(v2.MapPatch("/orders/{order_id}", async (string order_id, HttpContext http) =>
        {
            var body = await Wire.ReadBody<ReplaceRequest>(http);
            return body.Error is { } bad ? Wire.Error(bad) : Wire.Answer(book.Replace(order_id, body.Value!));
        }), FaultRoute.Replace);
    }
}
