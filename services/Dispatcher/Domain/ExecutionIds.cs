using System.Security.Cryptography;
using System.Text;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// The ledger's <c>execution_id</c>, derived from the recommendation's signal key (ticker, minute, rule). The same
/// plan therefore gets the same execution id, and through it the same <c>client_order_id</c>s at the broker, in
/// every run: a replay, a redelivery or a second dispatcher can only ever name an order that already exists, never
/// create a second one. Signal keys carry their minute, so two sessions never share an id.
/// </summary>
public static class ExecutionIds
{
    /// <summary>An RFC 9562 version-8 UUID made of the first 16 bytes of SHA-256("execution:" + signal key).</summary>
    public static Guid For(string signalKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signalKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("execution:" + signalKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a name-based id of our own scheme
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
