using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tradewire.Contracts.Execution;
using Tradewire.Dispatcher.Domain;
using Tradewire.Dispatcher.Persistence;
using Tradewire.ServiceDefaults.Operator;

namespace Tradewire.Dispatcher.Http;

/// <summary>
/// <c>GET /config</c>: the current configuration, its SHA-256 and version. <c>PUT /config</c> (operator token):
/// a JSON patch such as <c>{"confidence_min": 0.65}</c>; the next run reads it, no redeploy. A rejected patch
/// answers 400 with a reason code and leaves the current configuration as it was.
/// </summary>
public static class ConfigEndpoints
{
    public static WebApplication MapDispatcherConfig(this WebApplication app)
    {
        app.MapGet("/config", Get);
        app.MapPut("/config", Put).RequireOperatorToken();
        return app;
    }

    static async Task<IResult> Get(DispatcherDbContext db, CancellationToken token)
    {
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var current = await ConfigStore.Read(db, token);
        return Results.Ok(Body(current.Config, current.Version, await TradingModeStore.Read(db, token)));
    }

    static async Task<IResult> Put(HttpRequest request, DispatcherDbContext db, CancellationToken token)
    {
        string patch;
        using (var reader = new StreamReader(request.Body))
            patch = await reader.ReadToEndAsync(token);
        await using var tx = await db.Database.BeginTransactionAsync(token);
        await ConfigStore.LockForChange(db, token);
        var current = await ConfigStore.Read(db, token);
        var result = ConfigPatch.Apply(current.Config, patch);
        if (!result.Accepted)
            return Results.BadRequest(new { error = result.ReasonCode, message = result.Message, config_sha = current.Config.Sha() });
        var version = await ConfigStore.Save(db, result.Config!, patch, token);
        var mode = await TradingModeStore.Read(db, token);
        await tx.CommitAsync(token);
        return Results.Ok(Body(result.Config!, version, mode));
    }

    static object Body(DispatcherConfig config, long version, ExecutionMode executionMode) => new Dictionary<string, object>
    {
        ["version"] = version,
        ["config_sha"] = config.Sha(),
        ["execution_mode"] = executionMode,
        ["config"] = JsonDocument.Parse(config.ToJson()).RootElement,
    };
}
