namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>Maps the inbox/outbox entities onto the tables created by <c>0000_transactional_outbox.sql</c>.</summary>
public static class OutboxModelBuilderExtensions
{
    public static ModelBuilder AddTransactionalOutboxEntities(this ModelBuilder model)
    {
        model.Entity<InboxState>(e =>
        {
            e.ToTable("InboxState");
            e.HasKey(x => x.Id);
            e.HasAlternateKey(x => new { x.MessageId, x.ConsumerId });
            e.Property(x => x.Id).UseIdentityByDefaultColumn();
        });
        model.Entity<OutboxState>(e =>
        {
            e.ToTable("OutboxState");
            e.HasKey(x => x.OutboxId);
        });
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessage");
            e.HasKey(x => x.SequenceNumber);
            e.Property(x => x.SequenceNumber).UseIdentityByDefaultColumn();
            e.Property(x => x.ContentType).HasMaxLength(256);
            e.Property(x => x.SourceAddress).HasMaxLength(256);
            e.Property(x => x.DestinationAddress).HasMaxLength(256);
            e.Property(x => x.ResponseAddress).HasMaxLength(256);
            e.Property(x => x.FaultAddress).HasMaxLength(256);
            // Modelled so EF inserts the parent row (inbox or outbox state) before its messages.
            e.HasOne<OutboxState>().WithMany().HasForeignKey(x => x.OutboxId);
            e.HasOne<InboxState>().WithMany()
                .HasForeignKey(x => new { x.InboxMessageId, x.InboxConsumerId })
                .HasPrincipalKey(x => new { x.MessageId, x.ConsumerId });
        });
        return model;
    }
}
