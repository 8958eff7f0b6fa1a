namespace Tradewire.Dashboard.Http;

/// <summary>
/// The outcomes panel: forwards the page's <c>GET /api/outcomes?date=</c> to the dispatcher's <c>GET /outcomes</c>,
/// which owns the table and validates the date; its answer (200 or 400 with its reason) is passed on unchanged.
/// The dashboard reads no other service's database.
/// </summary>
public sealed class OutcomesProxy(HttpClient dispatcher)
{
    public async Task<IResult> Get(string? date, CancellationToken token)
    {
        var path = "outcomes" + (date is null ? "" : "?date=" + Uri.EscapeDataString(date));
        try
        {
            using var response = await dispatcher.GetAsync(path, token);
            var body = await response.Content.ReadAsStringAsync(token);
            return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            return Results.Problem($"The dispatcher did not answer at {dispatcher.BaseAddress}: {e.Message}", statusCode: 502);
        }
    }
}
