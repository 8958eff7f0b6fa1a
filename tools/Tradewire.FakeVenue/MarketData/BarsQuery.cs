using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The query of <c>GET /v2/stocks/bars</c>, parameters as the historical stock data page documents them (symbols,
/// timeframe, start, end, limit 1-10000 default 1000, page_token, adjustment, feed, asof, currency, sort). A value that
/// does not parse is a 400 ("invalid value for query parameter"); a value that parses but cannot be served, or a
/// missing required one, is a 422 ("invalid query parameter"). Both in Alpaca's <c>{code, message}</c> shape.
/// </summary>
internal sealed partial record BarsQuery(
    IReadOnlySet<string> Symbols, DateTimeOffset Start, DateTimeOffset End, int Limit, bool Descending, PageToken? After)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10000;

    public static Outcome<BarsQuery> Parse(IQueryCollection q, DateTimeOffset marketNow)
    {
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;

        if (Get("symbols") is not { Length: > 0 } list) return Unprocessable("symbols is required");
        var symbols = list.Split(',', StringSplitOptions.TrimEntries);
        if (symbols.Any(s => s.Length == 0)) return Bad($"invalid symbols: {list}");

        if (Get("timeframe") is not { Length: > 0 } timeframe) return Unprocessable("timeframe is required");
        if (TimeframeSyntax().Match(timeframe) is not { Success: true } tf || !WithinMaximum(tf)) return Bad($"invalid timeframe: {timeframe}");
        if (int.Parse(tf.Groups[1].Value, CultureInfo.InvariantCulture) != 1 || tf.Groups[2].Value is not ("Min" or "T"))
            return Unprocessable($"timeframe {timeframe} is not served by the local data server (1Min only)");

        var start = marketNow.UtcDateTime.Date is var day ? new DateTimeOffset(day, TimeSpan.Zero) : default;
        if (Get("start") is { } s && !TryTime(s, out start)) return Bad($"invalid start: {s}");
        var end = marketNow;
        if (Get("end") is { } e && !TryTime(e, out end)) return Bad($"invalid end: {e}");
        if (end < start) return Unprocessable("end should not be before start");

        var limit = DefaultLimit;
        if (Get("limit") is { } l && !int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit)) return Bad($"invalid limit: {l}");
        if (limit is < 1 or > MaxLimit) return Unprocessable($"invalid limit: must be in range 1-{MaxLimit}");

        if (Refuse(Get("feed"), ["iex", "sip"], ["otc", "boats"], "feed") is { } feed) return feed;
        if (Refuse(Get("adjustment"), ["raw"], ["split", "dividend", "spin-off", "all"], "adjustment") is { } adj) return adj;
        if (Refuse(Get("currency"), ["USD"], [], "currency") is { } cur) return cur;
        if (Get("sort") is { } sort && sort is not ("asc" or "desc")) return Bad($"invalid sort: {sort}");

        PageToken? after = null;
        if (Get("page_token") is { Length: > 0 } token && (after = PageToken.Decode(token)) is null) return Bad("invalid page_token");
        return new BarsQuery(symbols.ToHashSet(StringComparer.Ordinal), start, end, limit, Get("sort") == "desc", after);
    }

    /// <summary>The page's maxima: 59Min, 23Hour, 1Day, 1Week, 12Month.</summary>
    static bool WithinMaximum(Match tf)
    {
        var n = int.Parse(tf.Groups[1].Value, CultureInfo.InvariantCulture);
        return n >= 1 && tf.Groups[2].Value switch
        {
            "Min" or "T" => n <= 59,
            "Hour" or "H" => n <= 23,
            "Day" or "D" or "Week" or "W" => n == 1,
            _ => n is 1 or 2 or 3 or 4 or 6 or 12,
        };
    }

    /// <summary>RFC-3339 with an offset, or a bare date (its UTC midnight).</summary>
    static bool TryTime(string text, out DateTimeOffset value)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        value = default;
        // RFC-3339 allows nanoseconds; .NET reads seven digits, and a minute bar needs none of them.
        return Rfc3339().IsMatch(text)
               && DateTimeOffset.TryParse(Nanoseconds().Replace(text, "$1"), CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    static Outcome<BarsQuery>? Refuse(string? value, string[] served, string[] known, string name) =>
        value is null || served.Contains(value) ? (Outcome<BarsQuery>?)null
        : known.Contains(value) ? Unprocessable($"{name} {value} is not served by the local data server")
        : Bad($"invalid {name}: {value}");

    static Outcome<BarsQuery> Bad(string message) => new VenueError(400, 40010001, message);

    static Outcome<BarsQuery> Unprocessable(string message) => new VenueError(422, 42210000, message);

    [GeneratedRegex(@"^([0-9]{1,3})(Min|T|Hour|H|Day|D|Week|W|Month|M)$")]
    private static partial Regex TimeframeSyntax();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex Nanoseconds();
}

/// <summary>Where the previous page stopped: its last bar's symbol and minute, opaque to the client (base64).</summary>
internal sealed record PageToken(string Symbol, DateTimeOffset Minute)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Symbol}|{Minute.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}"));

    public static PageToken? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            return parts.Length == 2 && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var m)
                ? new PageToken(parts[0], m)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
