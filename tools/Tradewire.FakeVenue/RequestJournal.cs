using System.Text.Json;

namespace Tradewire.FakeVenue;

/// <summary>
/// The gate of every <c>/v2</c> request: records it in the journal however it ends (even when the client has gone),
/// checks Alpaca's key headers and the account's request quota (<see cref="RateWindow"/>), and buffers the body so that a hung request can still read it after the client aborts.
/// </summary>
internal sealed class RequestJournal(RequestDelegate next, VenueBook book, FakeVenueOptions options)
{
    readonly RateWindow _rate = new(options.RateLimitPerMinute, options.RateWindow, options.Time);

    public const string ClientOrderIdItem = "fakevenue.client_order_id";
    public const string FaultItem = "fakevenue.fault";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/v2"))
        {
            await next(http);
            return;
        }
        try
        {
            await Buffer(http);
            if (http.Request.Headers["APCA-API-KEY-ID"] != options.KeyId || http.Request.Headers["APCA-API-SECRET-KEY"] != options.SecretKey)
                await Wire.Error(VenueError.Unauthorized).ExecuteAsync(http);
            else if (!_rate.Take(http.Response))
                await Wire.Error(VenueError.RateLimited).ExecuteAsync(http);
            else if (http.GetEndpoint() is null)
                await Wire.Error(VenueError.RouteNotFound).ExecuteAsync(http);
            else
                await next(http);
        }
        catch (Exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            await Wire.Error(new VenueError(500, 50010000, "internal error of the fake venue")).ExecuteAsync(http);
        }
        finally
        {
            book.Record(new RequestRecord(http.Request.Method, http.Request.Path.Value ?? "", http.Response.StatusCode,
                http.Items[ClientOrderIdItem] as string, http.Items[FaultItem] as FaultKind?));
        }
    }

    static async Task Buffer(HttpContext http)
    {
        var request = http.Request;
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, http.RequestAborted);
        request.Body.Position = 0;
        // A submit's client_order_id is known here even when a fault stops the submit from running.
        if (HttpMethods.IsPost(request.Method) && request.Path == "/v2/orders")
            http.Items[ClientOrderIdItem] = PeekClientOrderId(copy.ToArray());
    }

    static string? PeekClientOrderId(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("client_order_id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
