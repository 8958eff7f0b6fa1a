namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The <c>/_control</c> routes the test or drill uses: arm faults, read the journal, read the market clock. No auth:
/// they are not Alpaca's, and the client under test never calls them.
/// </summary>
internal static class DataControlRoutes
{
    public static void Map(WebApplication app, DataBook book, SimulatedClock clock)
    {
        var control = app.MapGroup("/_control");
        control.MapPost("/faults", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<DataFault>(http);
            if (body.Error is { } bad) return Wire.Error(bad);
            return Arm(book, clock, body.Value!) is { } refused ? Wire.Error(VenueError.Invalid(refused)) : Wire.Ok(body.Value);
        });
        control.MapGet("/journal", () => Wire.Ok(book.Journal()));
        control.MapPost("/clock", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<ClockSetting>(http);
            if (body.Error is { } bad) return Wire.Error(bad);
            clock.Set(body.Value!.Origin, body.Value.StartedAt);
            book.Record(clock.Now, "clock", detail: $"origin {body.Value.Origin:O}");
            return Wire.Ok(new { market_now = Wire.Time(clock.Now), speed = clock.Speed });
        });
        control.MapGet("/clock", () => Wire.Ok(new { market_now = Wire.Time(clock.Now), speed = clock.Speed }));
    }

    /// <summary>Checks and arms a fault; the refusal text, or null.</summary>
    public static string? Arm(DataBook book, SimulatedClock clock, DataFault fault) => fault switch
    {
        _ when !Enum.IsDefined(fault.Kind) => $"invalid kind: {fault.Kind}",
        { Times: < 1 } => "times must be >= 1",
        { Seconds: < 0 or double.NaN } => "seconds must be >= 0",
        _ => book.Arm(fault, clock.Now),
    };
}

/// <summary>The body of <c>POST /_control/clock</c>: market time reads <paramref name="Origin"/> at wall instant <paramref name="StartedAt"/> (default: now).</summary>
internal sealed record ClockSetting(DateTimeOffset Origin, DateTimeOffset? StartedAt = null);
