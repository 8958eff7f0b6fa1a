using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tradewire.Dispatcher.Domain.Outcomes;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dispatcher.Http;

/// <summary>
/// <c>GET /outcomes?date=yyyy-MM-dd</c>: the outcome labels of one trading date, read-only from <c>outcomes</c>
/// (written by the operator tool's annotator, never by this service): the date's labelling run, a summary per kind
/// and per kind and rule (<see cref="OutcomeSummary"/>) and every row. A date with no labels answers 200 with no
/// rows and <c>run</c> null; a missing or malformed date answers 400 <c>{error: bad_date, message}</c>.
/// Names in snake_case, as the table's columns.
/// </summary>
public static class OutcomeEndpoints
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static WebApplication MapDispatcherOutcomes(this WebApplication app)
    {
        app.MapGet("/outcomes", Get);
        return app;
    }

    static async Task<IResult> Get(string? date, DispatcherDbContext db, CancellationToken token)
    {
        if (OutcomeDate.Parse(date, out var error) is not { } day)
            return Results.BadRequest(new { error = "bad_date", message = error });
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var rows = (await Read(db, OutcomeQuery.Sql, day, token)).Select(OutcomeQuery.Record).ToList();
        var run = (await Read(db, OutcomeQuery.RunSql, day, token)).Select(r => new { labelled = (int)r[0]!, ran_at = OutcomeQuery.Utc(r[1]) }).SingleOrDefault();
        return Results.Json(new
        {
            Date = day.ToString(OutcomeDate.Format, System.Globalization.CultureInfo.InvariantCulture),
            Run = run,
            Summary = OutcomeSummary.Of(rows),
            Rows = rows.Select(Row),
        }, Json);
    }

    static object Row(OutcomeRecord r) => new
    {
        r.RecommendationId, r.Kind, r.ExecutionId, r.Ticker, r.Action, r.Side, r.Rule, r.DecisionMinute, r.SkipReason, r.BaseClose,
        fwd_ret_1m = r.ForwardReturns[1], fwd_ret_5m = r.ForwardReturns[5], fwd_ret_15m = r.ForwardReturns[15], fwd_ret_60m = r.ForwardReturns[60],
        r.LevelsSource, r.EntryPrice, r.StopPrice, r.TargetPrice, r.FirstHit, r.FirstHitMinute, r.SameBarAmbiguous,
        r.Mae, r.Mfe, r.MaeR, r.MfeR, r.Regime, NullReasons = JsonSerializer.Deserialize<JsonElement>(r.NullReasonsJson),
    };

    static async Task<List<object?[]>> Read(DispatcherDbContext db, string sql, DateOnly day, CancellationToken token)
    {
        await using var cmd = db.Command(sql, day);
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(token);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(token))
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        return rows;
    }
}
