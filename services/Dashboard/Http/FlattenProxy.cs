using System.Net.Http.Headers;
using System.Text.Json;

namespace Tradewire.Dashboard.Http;

/// <summary>
/// The kill switch: forwards the page's request to the broker-gateway's <c>POST /flatten</c> with the operator
/// token the page sent. The dashboard keeps no token of its own and never logs this one; without a token the
/// request is refused here and the gateway is not called.
/// </summary>
public sealed class FlattenProxy(HttpClient gateway)
{
    public const string DefaultReason = "kill switch pressed on the dashboard";

    public async Task<IResult> Flatten(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length <= "Bearer ".Length)
            return Results.Problem("The kill switch needs the operator token (Authorization: Bearer); the page is read-only without it.", statusCode: 401);
        var reason = await ReasonOf(request);
        if (reason is null)
            return Results.Problem("Body must be empty or JSON {\"reason\": \"...\"}.", statusCode: 400);

        using var forward = new HttpRequestMessage(HttpMethod.Post, "flatten")
        {
            Content = JsonContent.Create(new { actor = "dashboard", reason }),
        };
        forward.Headers.Authorization = new AuthenticationHeaderValue("Bearer", header["Bearer ".Length..]);
        try
        {
            using var response = await gateway.SendAsync(forward, request.HttpContext.RequestAborted);
            var body = await response.Content.ReadAsStringAsync(request.HttpContext.RequestAborted);
            return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            return Results.Problem($"The broker-gateway did not answer at {gateway.BaseAddress}: {e.Message}", statusCode: 502);
        }
    }

    static async Task<string?> ReasonOf(HttpRequest request)
    {
        if (request.ContentLength is 0 or null && !request.Headers.TransferEncoding.Any())
            return DefaultReason;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, JsonSerializerOptions.Web);
            if (body.ValueKind != JsonValueKind.Object)
                return null;
            return body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } text
                ? text : DefaultReason;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
