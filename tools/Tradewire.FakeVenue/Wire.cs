using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewire.FakeVenue;

/// <summary>Alpaca's JSON conventions: snake_case names, quantities and prices as strings, ISO-8601 UTC times.</summary>
internal static class Wire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Alpaca's own clients send qty and prices as strings or numbers; both must parse.
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // Messages such as "qty must be > 0" are read by people in logs: no \u003E.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"110.5", not "110.50": Alpaca prints no trailing zeros whatever scale the arithmetic left.</summary>
    public static string Num(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string? Num(decimal? value) => value is { } v ? Num(v) : null;

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    public static IResult Ok<T>(T body) => Results.Json(body, Json);

    public static IResult Answer<T>(Outcome<T> outcome) => outcome.Error is { } e ? Error(e) : Ok(outcome.Value);

    public static IResult Error(VenueError error)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["code"] = error.Code, ["message"] = error.Message };
        foreach (var (name, value) in error.Extra ?? new Dictionary<string, string>())
            body[name] = value;
        return Results.Json(body, Json, statusCode: error.Status);
    }

    /// <summary>The JSON body, or a 422 when it does not parse: read by hand, not bound, so the refusal is Alpaca-shaped.</summary>
    public static async Task<Outcome<T>> ReadBody<T>(HttpContext http) where T : class
    {
        try
        {
            // No RequestAborted: the journal buffered the body, and a hung request is carried out after its client left.
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, CancellationToken.None) is { } body
                ? body
                : VenueError.Invalid("request body format is invalid: null");
        }
        catch (JsonException e)
        {
            return VenueError.Invalid($"request body format is invalid: {e.Message}");
        }
    }

    public static OrderBody Order(VenueOrder o, IReadOnlyList<VenueOrder>? legs) => new(
        o.Id, o.ClientOrderId, Time(o.CreatedAt), Time(o.UpdatedAt), Time(o.SubmittedAt), Time(o.FilledAt), Time(o.ExpiredAt),
        Time(o.CanceledAt), Time(o.FailedAt), Time(o.ReplacedAt), o.ReplacedBy, o.Replaces, o.AssetId, o.Symbol, "us_equity",
        Notional: null, Num(o.Qty), Num(o.FilledQty), Num(o.FilledAvgPrice), o.OrderClass, o.Type, o.Type, o.Side, o.TimeInForce,
        Num(o.LimitPrice), Num(o.StopPrice), o.Status, ExtendedHours: false, legs?.Select(l => Order(l, null)).ToList());
}

internal sealed record OrderBody(
    string Id, string ClientOrderId, string CreatedAt, string UpdatedAt, string SubmittedAt, string? FilledAt, string? ExpiredAt,
    string? CanceledAt, string? FailedAt, string? ReplacedAt, string? ReplacedBy, string? Replaces, string AssetId, string Symbol,
    string AssetClass, string? Notional, string Qty, string FilledQty, string? FilledAvgPrice, string OrderClass, string OrderType,
    string Type, string Side, string TimeInForce, string? LimitPrice, string? StopPrice, string Status, bool ExtendedHours,
    List<OrderBody>? Legs);

internal sealed record AccountBody(
    string Id, string AccountNumber, string Status, string Currency, string Cash, string BuyingPower, string Equity, string PortfolioValue);

internal sealed record ClockBody(string Timestamp, bool IsOpen, string? NextOpen, string? NextClose);

internal sealed record PositionBody(
    string AssetId, string Symbol, string AssetClass, string Qty, string AvgEntryPrice, string Side, string MarketValue, string CurrentPrice);

internal sealed record ClockRequest(DateTimeOffset At);

/// <summary>The body of <c>POST /fake/partial-fills</c>.</summary>
internal sealed record TimesRequest(int Times);
