using System.Text.Json;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Mode;
using Tradewire.Contracts.Risk;
using Tradewire.ServiceDefaults.Operator;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// Operator HTTP surface. Every route needs the operator token (401 without, nothing changes); a control call
/// with a malformed body is refused with 400 and a reason, also without any change.
/// </summary>
public static class ControlEndpoints
{
    public static void MapBrokerGatewayEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("").RequireOperatorToken();
        group.MapPost("/flatten", async (HttpRequest request, KillSwitch killSwitch) =>
            await Parse(request) is { } body ? Results.Ok(await killSwitch.Press(body.Actor!, body.Reason!)) : BadBody());
        // The kill switch on a synthetic paper bracket of its own, then rolled back: proves the whole path and
        // its time without changing anything (the smoke test presses it on a running system).
        group.MapPost("/flatten/rehearsal", async (KillSwitch killSwitch) => Results.Ok(await killSwitch.Rehearse()));
        group.MapPost("/pause", async (HttpRequest request, TradingControl control) =>
            await Parse(request) is { } body ? Results.Ok(await control.SetState(TradingState.Paused, body.Actor!, body.Reason!)) : BadBody());
        group.MapPost("/reduce", async (HttpRequest request, TradingControl control) =>
            await Parse(request) is { } body ? Results.Ok(await control.SetState(TradingState.Reducing, body.Actor!, body.Reason!)) : BadBody());
        group.MapPost("/resume", async (HttpRequest request, TradingControl control, KillSwitchSetting killSwitch) =>
            killSwitch.Engaged
                ? Results.Json(new { error = "KILL_SWITCH_ENGAGED", message = "KILL_SWITCH is set: release it before resuming." }, statusCode: 409)
                : await Parse(request) is { } body ? Results.Ok(await control.SetState(TradingState.Active, body.Actor!, body.Reason!)) : BadBody());
        group.MapModeEndpoints();
        group.MapGet("/risk", async (LedgerQueries q) => Results.Ok(await q.Risk()));
        group.MapGet("/positions", async (LedgerQueries q) => Results.Ok(await q.Positions()));
    }

    static IResult BadBody() => Results.Problem("Body must be JSON {\"actor\": \"...\", \"reason\": \"...\"} with both non-empty.", statusCode: 400);

    static async Task<ControlRequest?> Parse(HttpRequest request)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<ControlRequest>(request.Body, JsonSerializerOptions.Web);
            return body is { Actor.Length: > 0, Reason.Length: > 0 } ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
