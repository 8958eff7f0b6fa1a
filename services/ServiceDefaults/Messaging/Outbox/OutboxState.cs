namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// One row per bus-outbox transaction (messages published outside a consumer, e.g. by an HTTP
/// endpoint or a timer, or by a batch consumer). The delivery service locks this row while it
/// sends the transaction's messages in sequence order. Same shape as MassTransit's <c>OutboxState</c>.
/// </summary>
public sealed class OutboxState
{
    public Guid OutboxId { get; set; }
    public Guid LockId { get; set; }
    public byte[]? RowVersion { get; set; }
    public DateTime Created { get; set; }
    public DateTime? Delivered { get; set; }
    public long? LastSequenceNumber { get; set; }
}
