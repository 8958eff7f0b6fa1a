namespace Tradewire.FakeVenue;

/// <summary>
/// The <c>/fake</c> routes, which the test or drill uses to drive the venue: its market, its clock, its faults, and
/// what it saw. No auth: they are not Alpaca's, and the adapter under test never calls them.
/// </summary>
internal static class ControlRoutes
{
    public static void Map(WebApplication app, VenueBook book)
    {
        var fake = app.MapGroup("/fake");
        fake.MapPost("/bars", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<List<FakeBar>>(http);
            return (body.Error ?? book.ApplyBars(body.Value!)) is { } refused ? Wire.Error(refused) : Clock(book);
        });
        fake.MapPost("/clock", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<ClockRequest>(http);
            return (body.Error ?? book.SetClock(body.Value!.At)) is { } refused ? Wire.Error(refused) : Clock(book);
        });
        fake.MapPost("/faults", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<FakeFault>(http);
            if ((body.Error ?? Check(body.Value!)) is { } refused) return Wire.Error(refused);
            book.AddFault(body.Value!);
            return Wire.Ok(body.Value);
        });
        fake.MapDelete("/faults", () =>
        {
            book.ClearFaults();
            return Results.NoContent();
        });
        fake.MapPost("/partial-fills", async (HttpContext http) =>
        {
            var body = await Wire.ReadBody<TimesRequest>(http);
            if (body.Error is { } refused) return Wire.Error(refused);
            if (body.Value!.Times < 1) return Wire.Error(VenueError.Invalid("times must be >= 1"));
            book.PartialFills(body.Value.Times);
            return Results.NoContent();
        });
        fake.MapPost("/stream/down", () => { book.Stream.SetDown(); return Results.NoContent(); });
        fake.MapPost("/stream/up", () => { book.Stream.SetUp(); return Results.NoContent(); });
        fake.MapPost("/stream/repeat", () => { book.Stream.Repeat(); return Results.NoContent(); });
        fake.MapGet("/requests", () => Wire.Ok(book.Requests()));
        fake.MapGet("/orders", () => Wire.Ok(book.AllFlattened()));
    }

    /// <summary>The refusal of a fault that cannot be played, or null.</summary>
    public static VenueError? Check(FakeFault fault) => fault switch
    {
        { Times: < 1 } => VenueError.Invalid("times must be >= 1"),
        { HangMs: < 0 } => VenueError.Invalid("hang_ms must be >= 0"),
        _ when !Enum.IsDefined(fault.Route) => VenueError.Invalid($"invalid route: {fault.Route}"),
        _ when !Enum.IsDefined(fault.Kind) => VenueError.Invalid($"invalid kind: {fault.Kind}"),
        _ => null,
    };

    static IResult Clock(VenueBook book) => Wire.Ok(book.MarketClock());
}
