using Microsoft.AspNetCore.Http;
using Tradewire.ServiceDefaults.Operator;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// <c>POST /replay</c> (operator token): starts replaying a recorded session. 202 with the session's date and
/// minute count; 400 with the reason for a bad request (no such directory, bad format, not a trading day);
/// 409 when that session date was already replayed.
/// </summary>
public static class ReplayEndpoints
{
    public static WebApplication MapReplay(this WebApplication app)
    {
        app.MapPost("/replay", async (ReplayRequest? request, ReplayRunner runner, CancellationToken token) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.Path))
                return Results.BadRequest(new { error = "body must be {\"path\": \"<session dir>\", \"sessionDate\": \"yyyy-MM-dd\"?, \"speed\": 0?}" });
            try
            {
                var plan = await runner.Enqueue(request, token);
                return Results.Accepted($"/replay/{plan.Session.Date:yyyy-MM-dd}", new
                {
                    sessionDate = plan.Session.Date, minutes = plan.Minutes.Count,
                    bars = plan.Minutes.Sum(m => m.Bars.Count), rejected = plan.Minutes.Sum(m => m.Rejections.Count),
                    news = plan.Minutes.Sum(m => m.News.Count),
                });
            }
            catch (ReplayConflictException e)
            {
                return Results.Conflict(new { error = e.Message });
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ServiceDefaults.MarketTime.MarketCalendarException or FormatException)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        }).RequireOperatorToken();
        return app;
    }
}
