namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// One row per (message, consumer endpoint) the service has received: the inbox. Its unique key
/// (MessageId, ConsumerId) is what makes a redelivered message a no-op. Same shape as
/// MassTransit.EntityFrameworkCore's <c>InboxState</c>.
/// </summary>
public sealed class InboxState
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public Guid ConsumerId { get; set; }

    /// <summary>Changed on every receive, so two concurrent receivers of one message serialize on the row.</summary>
    public Guid LockId { get; set; }

    public byte[]? RowVersion { get; set; }
    public DateTime Received { get; set; }
    public int ReceiveCount { get; set; }
    public DateTime? ExpirationTime { get; set; }

    /// <summary>Set in the same transaction as the consumer's own changes: the message has had its effect.</summary>
    public DateTime? Consumed { get; set; }

    /// <summary>Set once every outbox message the consumer produced has been handed to the broker.</summary>
    public DateTime? Delivered { get; set; }

    public long? LastSequenceNumber { get; set; }
}
