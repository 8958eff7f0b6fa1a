using System.Text.RegularExpressions;

namespace Tradewire.ServiceDefaults.Configuration;

/// <summary>
/// What logs and error messages may show of URLs and secrets. A URL keeps scheme, host, port and path (its user
/// info and query, where keys and tokens travel, are cut); a secret shows only that it is set and its last four
/// characters (enough to tell two keys apart); free text has both done to every URL and <c>key=value</c> or
/// <c>Bearer</c> secret in it.
/// </summary>
public static partial class Redaction
{
    const string Cut = "[redacted]";

    public static string Url(Uri url) =>
        url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path).Replace(url.UserInfo + "@", "", StringComparison.Ordinal) + (url.Query.Length > 1 ? "?" + Cut : "") : Cut;

    public static string Url(string? url) =>
        string.IsNullOrEmpty(url) ? "" : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Url(uri) : Cut;

    /// <summary><c>****wxyz</c> for a set secret of more than 8 characters, <c>****</c> for a shorter one, "(not set)" for none.</summary>
    public static string Secret(string? secret) =>
        string.IsNullOrEmpty(secret) ? "(not set)" : secret.Length > 8 ? "****" + secret[^4..] : "****";

    /// <summary>Every URL and every secret-looking value in <paramref name="text"/> (an exception message, a venue's answer) redacted.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        var urls = UrlPattern().Replace(text, m => Url(m.Value));
        var pairs = SecretPairPattern().Replace(urls, m => m.Groups["key"].Value + m.Groups["sep"].Value + Secret(m.Groups["value"].Value));
        return BearerPattern().Replace(pairs, m => m.Groups["scheme"].Value + " " + Secret(m.Groups["value"].Value));
    }

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s""'<>]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|apikey|api_key|api-key|key_id|key-id|keyid)[A-Za-z0-9_.-]*)(?<sep>\s*[=:]\s*)(?<value>[^\s,;&""']+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPairPattern();

    [GeneratedRegex(@"(?<scheme>Bearer|Basic)\s+(?<value>[A-Za-z0-9._~+/=-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();
}
