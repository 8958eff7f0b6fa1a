namespace Tradewire.BrokerGateway.Engine;

/// <summary>
/// The dispatcher said it sent more orders for a minute than are stored yet. Thrown so the transaction rolls
/// back and the message is retried: a minute is never processed with orders missing.
/// </summary>
public sealed class MissingOrdersException(DateTimeOffset minute, int expected, long stored)
    : Exception($"Minute {minute:O}: dispatcher sent {expected} PlaceBracketOrder, {stored} stored so far; retrying later.");
