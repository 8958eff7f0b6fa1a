using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Tradewire.Ingest.News;

/// <summary>
/// Decodes a fetched feed's bytes to text before XML parsing, so the encoding is decided in one place:
/// a byte-order mark wins; else the XML prolog's <c>encoding</c>; else UTF-8. A document that declares a
/// single-byte encoding (ISO-8859-1, Windows-1252) but is in fact valid multi-byte UTF-8 (a common server
/// mistake, e.g. finanzen.net) is read as UTF-8.
/// </summary>
public static partial class FeedDocumentDecoder
{
    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""']([A-Za-z0-9._:-]+)[""']")]
    private static partial Regex PrologEncoding();

    static FeedDocumentDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        var declared = DeclaredEncoding(bytes);
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
            return Encoding.UTF8.GetString(bytes);
        if (declared.IsSingleByte && IsStrictUtf8WithMultiByte(bytes))
            return Encoding.UTF8.GetString(bytes);
        return declared.GetString(bytes);
    }

    static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        var m = PrologEncoding().Match(head);
        if (!m.Success)
            return null;
        try
        {
            return Encoding.GetEncoding(m.Groups[1].Value);
        }
        catch (ArgumentException)
        {
            return null; // unknown name: UTF-8 is the XML default
        }
    }

    static bool IsStrictUtf8WithMultiByte(ReadOnlySpan<byte> bytes)
    {
        var hasHigh = false;
        foreach (var b in bytes)
            if (b >= 0x80) { hasHigh = true; break; }
        return hasHigh && Utf8.IsValid(bytes);
    }
}
