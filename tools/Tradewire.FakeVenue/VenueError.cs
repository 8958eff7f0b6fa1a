namespace Tradewire.FakeVenue;

/// <summary>
/// An Alpaca-shaped refusal: the HTTP status and the <c>{code, message}</c> body, plus the extra fields some refusals
/// carry (the 403 for a sell beyond the free position names <c>available</c>, <c>existing_qty</c> and
/// <c>held_for_orders</c>, as Alpaca's answers do). Codes are Alpaca's documented ones: 40010001 a malformed or
/// duplicate request, 40310000 forbidden (not enough shares), 40410000 not found, 42210000 unprocessable
/// (trading/orders.md prints it for the sub-penny refusal).
/// </summary>
internal sealed record VenueError(int Status, int Code, string Message, IReadOnlyDictionary<string, string>? Extra = null)
{
    public static VenueError Invalid(string message) => new(422, 40010000, message);
    public static VenueError Unprocessable(string message) => new(422, 42210000, message);
    public static VenueError Conflict(string message) => new(409, 40910000, message);

    public static readonly VenueError Unauthorized = new(401, 40110000, "request is not authorized");
    public static readonly VenueError DuplicateClientOrderId = new(422, 40010001, "client_order_id must be unique");
    public static readonly VenueError OrderNotFound = new(404, 40410000, "order not found");
    public static readonly VenueError PositionNotFound = new(404, 40410000, "position does not exist");
    public static readonly VenueError RouteNotFound = new(404, 40410000, "endpoint not found");
    public static readonly VenueError NotCancelable = new(422, 42210000, "order is not cancelable");
    public static readonly VenueError NotReplaceable = new(422, 42210000, "order is not replaceable");
    public static readonly VenueError RateLimited = new(429, 42910000, "rate limit exceeded");

    public static VenueError InsufficientQty(string symbol, decimal requested, decimal existing, decimal heldForOrders) =>
        new(403, 40310000, $"insufficient qty available for order (requested: {Wire.Num(requested)}, available: {Wire.Num(existing - heldForOrders)})",
            new Dictionary<string, string>
            {
                ["symbol"] = symbol, ["available"] = Wire.Num(existing - heldForOrders), ["existing_qty"] = Wire.Num(existing),
                ["held_for_orders"] = Wire.Num(heldForOrders),
            });
}

/// <summary>Either the value or the refusal of a venue operation.</summary>
internal readonly record struct Outcome<T>(T? Value, VenueError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(VenueError error) => new(default, error);
}
