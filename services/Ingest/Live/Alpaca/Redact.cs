namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>URLs as errors and logs may show them: scheme, host, port and path only (no user info, no query).</summary>
internal static class Redact
{
    public static string Url(Uri url) => url.GetLeftPart(UriPartial.Path).Replace(url.UserInfo + "@", "", StringComparison.Ordinal);
}
