namespace Tradewire.FakeVenue;

/// <summary>The query of <c>GET /v2/orders</c>, with Alpaca's defaults: open orders, newest first, 50 at most.</summary>
internal sealed record OrderQuery(
    string Status, int Limit, DateTimeOffset? After, DateTimeOffset? Until, string Direction, bool Nested, IReadOnlySet<string>? Symbols)
{
    public const int MaxLimit = 500;

    public static Outcome<OrderQuery> Parse(IQueryCollection query)
    {
        var status = query["status"].FirstOrDefault() ?? "open";
        if (status is not ("open" or "closed" or "all")) return VenueError.Invalid($"invalid status: '{status}' (open, closed or all)");
        var direction = query["direction"].FirstOrDefault() ?? "desc";
        if (direction is not ("asc" or "desc")) return VenueError.Invalid($"invalid direction: '{direction}' (asc or desc)");

        var limit = 50;
        if (query["limit"].FirstOrDefault() is { } l && (!int.TryParse(l, out limit) || limit <= 0))
            return VenueError.Invalid($"invalid limit: '{l}'");
        var nested = false;
        if (query["nested"].FirstOrDefault() is { } n && !bool.TryParse(n, out nested)) return VenueError.Invalid($"invalid nested: '{n}'");
        if (!TryTime(query, "after", out var after, out var afterError)) return afterError;
        if (!TryTime(query, "until", out var until, out var untilError)) return untilError;

        var symbols = query["symbols"].FirstOrDefault() is { Length: > 0 } s
            ? s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        return new OrderQuery(status, Math.Min(limit, MaxLimit), after, until, direction, nested, symbols);
    }

    static bool TryTime(IQueryCollection query, string name, out DateTimeOffset? value, out VenueError error)
    {
        value = null;
        error = VenueError.Invalid($"invalid {name}: expected an ISO-8601 time");
        if (query[name].FirstOrDefault() is not { } text) return true;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
