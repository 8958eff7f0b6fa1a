using System.Buffers;
using System.Text.Json;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The stream's server-to-client messages, written exactly as Alpaca's real-time stock data page shows them: every
/// frame is a JSON array; control messages (success, error, subscription) travel alone in an array of one, data
/// points may share a frame.
/// </summary>
internal static class StreamMessages
{
    public static string Connected() => Control(w => { w.WriteString("T", "success"); w.WriteString("msg", "connected"); });

    public static string Authenticated() => Control(w => { w.WriteString("T", "success"); w.WriteString("msg", "authenticated"); });

    public static string Error(StreamError error) =>
        Control(w => { w.WriteString("T", "error"); w.WriteNumber("code", error.Code); w.WriteString("msg", error.Message); });

    /// <summary>The whole list of subscriptions, every channel named even when empty, as the page's examples show.</summary>
    public static string Subscription(Subscriptions subs) => Control(w =>
    {
        w.WriteString("T", "subscription");
        foreach (var (channel, symbols) in subs.All())
        {
            w.WriteStartArray(channel);
            foreach (var s in symbols) w.WriteStringValue(s);
            w.WriteEndArray();
        }
    });

    /// <summary>Bars of one frame; minute bars are <c>"T":"b"</c>, updated bars <c>"T":"u"</c>.</summary>
    public static string Bars(IEnumerable<PublishedBar> bars) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var p in bars)
        {
            w.WriteStartObject();
            w.WriteString("T", p.Updated ? "u" : "b");
            w.WriteString("S", p.Bar.Symbol);
            BarFields(w, p.Bar);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    /// <summary>The fields a bar object has on the stream and in REST: o, h, l, c, v, t, n, vw (JSON numbers; null when not a number).</summary>
    public static void BarFields(Utf8JsonWriter w, SessionBar bar)
    {
        Number(w, "o", bar.Open);
        Number(w, "h", bar.High);
        Number(w, "l", bar.Low);
        Number(w, "c", bar.Close);
        if (bar.Volume is { } v) w.WriteNumber("v", v); else w.WriteNull("v");
        w.WriteString("t", bar.Minute.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (bar.TradeCount is { } n) w.WriteNumber("n", n); else w.WriteNull("n");
        Number(w, "vw", bar.Vwap);
    }

    static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    static string Control(Action<Utf8JsonWriter> fields) => Write(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        fields(w);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) body(w);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
