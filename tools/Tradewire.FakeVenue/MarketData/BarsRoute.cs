using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// <c>GET /v2/stocks/bars</c> (the historical stock data page's "Multi Bars"): the bars published so far, sorted by
/// symbol then time, <c>limit</c> bars a page across all symbols, the rest behind <c>next_page_token</c>. A bar is in
/// REST only from the moment it is published on the stream.
/// </summary>
internal static class BarsRoute
{
    public static void Map(WebApplication app, DataBook book, SimulatedClock clock, MarketDataOptions options) =>
        app.MapGet("/v2/stocks/bars", (HttpContext http) =>
        {
            var now = clock.Now;
            var answer = Answer(http, book, now, options);
            book.Record(now, "rest", detail: $"{answer.Status} {http.Request.QueryString}");
            return answer.Result;
        });

    static (int Status, IResult Result) Answer(HttpContext http, DataBook book, DateTimeOffset now, MarketDataOptions options)
    {
        // The page lists 403 for unauthorized requests.
        if (http.Request.Headers["APCA-API-KEY-ID"] != options.KeyId || http.Request.Headers["APCA-API-SECRET-KEY"] != options.SecretKey)
            return Error(new VenueError(403, 40310000, "forbidden"));
        switch (book.TakeRestFault())
        {
            case DataFaultKind.Rest429:
                // X-RateLimit-Reset is the UNIX second at which the quota is back.
                var reset = options.Wall.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds();
                http.Response.Headers["X-RateLimit-Limit"] = "200";
                http.Response.Headers["X-RateLimit-Remaining"] = "0";
                http.Response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                return Error(new VenueError(429, 42910000, "rate limit exceeded"));
            case DataFaultKind.Rest500:
                return Error(new VenueError(500, 50010000, "internal server error"));
        }
        var query = BarsQuery.Parse(http.Request.Query, now);
        if (query.Error is { } refused) return Error(refused);
        var q = query.Value!;
        var bars = book.Published(q.Symbols, q.Start, q.End);
        if (q.Descending) bars = bars.OrderBy(b => b.Symbol, StringComparer.Ordinal).ThenByDescending(b => b.Minute).ToList();
        var from = q.After is { } after ? bars.FindIndex(b => b.Symbol == after.Symbol && b.Minute == after.Minute) + 1 : 0;
        if (q.After is not null && from == 0) return Error(new VenueError(400, 40010001, "invalid page_token"));
        var page = bars.Skip(from).Take(q.Limit).ToList();
        var more = from + page.Count < bars.Count;
        var next = more ? new PageToken(page[^1].Symbol, page[^1].Minute).Encode() : null;
        return (200, Results.Text(Body(page, next), "application/json"));
    }

    static (int, IResult) Error(VenueError error) => (error.Status, Wire.Error(error));

    static string Body(List<SessionBar> page, string? next)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("bars");
            foreach (var group in page.GroupBy(b => b.Symbol))
            {
                w.WriteStartArray(group.Key);
                foreach (var bar in group)
                {
                    w.WriteStartObject();
                    StreamMessages.BarFields(w, bar);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            if (next is null) w.WriteNull("next_page_token"); else w.WriteString("next_page_token", next);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
