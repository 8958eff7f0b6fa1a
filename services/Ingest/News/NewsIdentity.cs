using System.Security.Cryptography;
using System.Text;

namespace Tradewire.Ingest.News;

/// <summary>
/// Deterministic identity of a news item: the same (source, external id) always gives the same NewsId, across
/// polls, restarts and machines, so the database's unique keys dedupe re-fetched items.
/// </summary>
public static class NewsIdentity
{
    /// <summary>The feed's own guid/id when it has one; else <c>sha256:</c> + hex of link + "\n" + title.</summary>
    public static string ExternalId(string? feedId, string? link, string title) =>
        !string.IsNullOrWhiteSpace(feedId)
            ? feedId.Trim()
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{link?.Trim()}\n{title}")));

    /// <summary>First 16 bytes of SHA-256(source + "\n" + externalId), stamped as an RFC 9562 version-8 UUID.</summary>
    public static Guid NewsId(string source, string externalId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{externalId}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
