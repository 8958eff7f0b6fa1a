using System.Globalization;
using System.Text.Json;

namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>
/// Reads one bar object, the same fields on the stream and in REST (Alpaca's bar schema: <c>t</c> RFC-3339, <c>o h l
/// c</c> numbers, <c>v</c> integer, <c>n</c> integer and <c>vw</c> number). Strict: a required field that is missing,
/// null or of the wrong JSON kind, or a <c>t</c> that is not the start of a minute, makes the bar malformed. Values
/// are not judged (negative volume, high below low pass): that is the session runner's validation, with reason codes.
/// </summary>
internal static class AlpacaBarReader
{
    public static FeedBar? Read(JsonElement bar, string symbol, bool updated, DateTimeOffset receivedAt, out string? problem)
    {
        problem = null;
        if (bar.ValueKind != JsonValueKind.Object) { problem = "a bar is not an object"; return null; }
        if (!Minute(bar, out var minute)) { problem = $"{symbol}: t is not an RFC-3339 minute start"; return null; }
        decimal? open = Decimal(bar, "o"), high = Decimal(bar, "h"), low = Decimal(bar, "l"), close = Decimal(bar, "c");
        long? volume = Integer(bar, "v");
        if (open is null || high is null || low is null || close is null || volume is null)
        {
            problem = $"{symbol} {minute:yyyy-MM-dd'T'HH:mm'Z'}: o, h, l, c and v must be JSON numbers ({Raw(bar)})";
            return null;
        }
        // n and vw are in every bar Alpaca sends today; older feeds lacked them, so their absence is not an error.
        if (Present(bar, "n") && Integer(bar, "n") is null || Present(bar, "vw") && Decimal(bar, "vw") is null)
        {
            problem = $"{symbol} {minute:yyyy-MM-dd'T'HH:mm'Z'}: n and vw must be numbers when present ({Raw(bar)})";
            return null;
        }
        return new FeedBar(symbol, minute, open.Value, high.Value, low.Value, close.Value, volume.Value,
            Integer(bar, "n"), Decimal(bar, "vw"), updated, receivedAt);
    }

    static bool Minute(JsonElement bar, out DateTimeOffset minute)
    {
        minute = default;
        if (!bar.TryGetProperty("t", out var t) || t.ValueKind != JsonValueKind.String) return false;
        var text = t.GetString()!;
        // RFC-3339 with up to nanoseconds; .NET reads seven fraction digits, and a minute start has none that matter.
        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = text[..(dot + 8)] + text[end..];
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at)
            || !text.Contains('T') || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
            return false;
        minute = at.ToUniversalTime();
        return minute.Ticks % TimeSpan.TicksPerMinute == 0;
    }

    static bool Present(JsonElement bar, string name) => bar.TryGetProperty(name, out _);

    static decimal? Decimal(JsonElement bar, string name) =>
        bar.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) ? d : null;

    static long? Integer(JsonElement bar, string name) =>
        bar.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var l) ? l : null;

    static string Raw(JsonElement bar) => bar.GetRawText() is { Length: > 300 } long_ ? long_[..300] + "..." : bar.GetRawText();
}
