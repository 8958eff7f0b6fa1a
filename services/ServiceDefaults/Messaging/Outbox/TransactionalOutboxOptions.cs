namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>Settings of the inbox and outbox, bound from configuration section <c>Outbox</c>.</summary>
public sealed class TransactionalOutboxOptions
{
    /// <summary>
    /// How long an inbox row is kept after its message was handled. A redelivery inside this window is
    /// recognised and ignored; after it, only the service's own unique constraints stop a second effect.
    /// </summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the inbox cleanup runs.</summary>
    public TimeSpan InboxCleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait of the delivery service between looks at the outbox when nobody woke it.</summary>
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outboxes (transactions) the delivery service picks up per pass.</summary>
    public int DeliveryBatchSize { get; set; } = 50;

    /// <summary>
    /// How long a consumed message's outbox, not held by this process's deliverer, may stay undelivered before the
    /// sweeper delivers it. The deliverer holds its own rows whatever their age, and a pass holds its row's lock,
    /// so the grace only covers the moment between a pass's commit and its queueing, and another replica's queue;
    /// a message sent by both carries one MessageId, which the receiver's inbox ignores.
    /// </summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the consumer-outbox sweeper looks for such messages: recovery waits at most this long.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether the consumer-outbox deliverer starts by delivering every consumed, undelivered outbox (those the
    /// last process acknowledged and died before sending). Off only in tests that plant such rows themselves.
    /// </summary>
    public bool DeliverLeftoversAtStart { get; set; } = true;

    /// <summary>Messages delivered per inbox message per pass of the consumer outbox.</summary>
    public int MessageDeliveryLimit { get; set; } = 100;
}
