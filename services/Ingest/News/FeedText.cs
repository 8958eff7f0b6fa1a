using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Tradewire.Ingest.News;

/// <summary>
/// Turns feed text into clean plain text: repairs double-encoded UTF-8 ("FlÃ¼chtlinge" -> "Flüchtlinge"),
/// drops HTML tags, scripts and styles, decodes entities (also the doubly escaped <c>&amp;amp;quot;</c> some feeds
/// send), and collapses whitespace. CDATA needs nothing here: the XML reader already unwraps it.
/// </summary>
public static partial class FeedText
{
    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->|<[/!?]?[A-Za-z][^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]")]
    private static partial Regex ControlCharacter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]")]
    private static partial Regex MojibakePair();

    static readonly Dictionary<char, byte> Windows1252High = BuildWindows1252Map();

    /// <summary>Plain text, or null when nothing but whitespace and markup remains.</summary>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var text = RepairDoubleEncodedUtf8(raw);
        // Up to three passes: feeds escape HTML once or twice more than XML needs ("&lt;p&gt;", "&amp;quot;"), so markup and
        // entities can surface only after the first decode. For a summary, plain text beats fidelity.
        for (var pass = 0; pass < 3; pass++)
        {
            text = ScriptOrStyle().Replace(text, " ");
            text = Tag().Replace(text, " ");
            text = WebUtility.HtmlDecode(text);
        }
        text = ControlCharacter().Replace(text, "");
        text = Whitespace().Replace(text.Replace('\u00A0', ' '), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Undoes UTF-8 bytes that were decoded as Windows-1252/ISO-8859-1 (once). Only applied when the text
    /// contains a typical lead/continuation pair and the round trip gives strictly valid UTF-8; otherwise the
    /// text is returned unchanged (genuine "Ärger" is not valid UTF-8 as bytes, so it is left alone).
    /// </summary>
    public static string RepairDoubleEncodedUtf8(string text)
    {
        if (!MojibakePair().IsMatch(text))
            return text;
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= '\u00FF')
                bytes[i] = (byte)c;
            else if (Windows1252High.TryGetValue(c, out var b))
                bytes[i] = b;
            else
                return text; // a character no single-byte decoding could have produced: not mojibake
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    static Dictionary<char, byte> BuildWindows1252Map()
    {
        // The 0x80-0x9F block of Windows-1252 (the rest of its high half equals ISO-8859-1).
        const string block = "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0"
                           + "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";
        var map = new Dictionary<char, byte>();
        for (var i = 0; i < block.Length; i++)
            if (block[i] != '\0')
                map[block[i]] = (byte)(0x80 + i);
        return map;
    }
}
