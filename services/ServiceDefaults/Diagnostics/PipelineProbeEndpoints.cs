using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewire.Contracts.Diagnostics;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Operator;

namespace Tradewire.ServiceDefaults.Diagnostics;

/// <summary>
/// <c>POST /probe</c> starts a pipeline probe (operator token required). The first hop is sent through the
/// bus outbox inside a database transaction: the canonical way to publish from outside a consumer.
/// </summary>
public static class PipelineProbeEndpoints
{
    public static WebApplication MapPipelineProbe<TDbContext>(this WebApplication app) where TDbContext : ServiceDbContext
    {
        // Services resolved from the request: the route analyzer cannot handle a generic DbContext parameter.
        app.MapPost("/probe", (Delegate)((HttpContext http) => StartProbe<TDbContext>(http))).RequireOperatorToken();
        return app;
    }

    static async Task<IResult> StartProbe<TDbContext>(HttpContext http) where TDbContext : ServiceDbContext
    {
        var db = http.RequestServices.GetRequiredService<TDbContext>();
        var send = http.RequestServices.GetRequiredService<ISendEndpointProvider>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var token = http.RequestAborted;
        var probe = new ForwardPipelineProbe { ProbeId = NewId.NextGuid(), Hop = 0, StartedAt = time.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var endpoint = await send.GetSendEndpoint(PipelineStages.ProbeQueue(0));
        await endpoint.Send(probe, token);
        await db.SaveChangesAsync(token);
        await tx.CommitAsync(token);
        return Results.Accepted($"/probe/{probe.ProbeId}", new { probeId = probe.ProbeId });
    }
}
