using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.Integration.Tests.Support;

/// <summary>An effect a test consumer had: one row per time a consumer really applied a message.</summary>
public sealed class Effect
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public Guid? MessageId { get; set; }
}

/// <summary>The database of a test-only service (schema: Migrations/9000_test_effects.sql, 9001_test_saga.sql).</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Effect>(e =>
        {
            e.ToTable("test_effects");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Key).HasColumnName("key");
            e.Property(x => x.MessageId).HasColumnName("message_id");
        });
        modelBuilder.Saga<CounterState>("test_counter_saga", e =>
        {
            e.Property(x => x.CorrelationId).HasColumnName("correlation_id");
            e.Property(x => x.CurrentState).HasColumnName("current_state");
            e.Property(x => x.Count).HasColumnName("count");
        });
    }
}
