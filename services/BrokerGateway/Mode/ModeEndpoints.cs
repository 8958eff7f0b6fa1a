using System.Text.Json;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Mode;

/// <summary>
/// <c>GET /mode</c> and <c>POST /mode</c> (both behind the operator token, 401 without it). A refused switch answers
/// 400 (the request itself) or 409/503 (the gateway's state or the venue) with <c>{"error": CODE, "message": ...}</c>
/// and changes nothing; a switch answers 200 with the mode and its version.
/// </summary>
public static class ModeEndpoints
{
    public static void MapModeEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/mode", async (ModeSwitch modes) => Body(await modes.Current()));
        group.MapPost("/mode", async (HttpRequest http, ModeSwitch modes) =>
        {
            var request = await Parse(http);
            if (ModeGuard.CheckRequest(request) is { } bad)
                return Refused(bad);
            var actor = string.IsNullOrWhiteSpace(request!.Actor) ? "operator" : request.Actor;
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? $"POST /mode {request.Mode}" : request.Reason;
            var outcome = await modes.Switch(Wire.Parse<ExecutionMode>(request.Mode!), actor, reason);
            return outcome.Refusal is { } refusal ? Refused(refusal) : Body(outcome);
        });
    }

    static IResult Body(ModeSwitch.Outcome outcome) =>
        Results.Ok(new { mode = outcome.Mode, version = outcome.Version, changed = outcome.Changed });

    static IResult Refused(ModeRefusal refusal) =>
        Results.Json(new { error = refusal.Code, message = refusal.Message }, statusCode: refusal.Status);

    static async Task<ModeRequest?> Parse(HttpRequest http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<ModeRequest>(http.Body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
