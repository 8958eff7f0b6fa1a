using Tradewire.ServiceDefaults.Diagnostics;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.ServiceDefaults.Database;

/// <summary>
/// Base of every service's DbContext: adds the inbox/outbox tables and the pipeline-probe table that
/// every service database has. The schema itself comes from the SQL migrations, not from EF.
/// </summary>
public abstract class ServiceDbContext : DbContext
{
    protected ServiceDbContext(DbContextOptions options) : base(options) =>
        // EF Core wraps every SaveChanges inside an explicit transaction in a savepoint (two more round trips
        // each) so a failed SaveChanges could be retried within the transaction. Nothing here does that: a
        // failure rolls the whole transaction back and the message is consumed again. Measured: about six
        // savepoints per message hop.
        Database.AutoSavepointsEnabled = false;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalOutboxEntities();
        modelBuilder.Entity<ProbeHop>(e =>
        {
            e.ToTable("pipeline_probe_hops");
            e.HasKey(x => new { x.ProbeId, x.Hop });
            e.Property(x => x.ProbeId).HasColumnName("probe_id");
            e.Property(x => x.Hop).HasColumnName("hop");
            e.Property(x => x.Service).HasColumnName("service");
            e.Property(x => x.TraceId).HasColumnName("trace_id");
            e.Property(x => x.StartedAt).HasColumnName("started_at");
            e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        });
    }
}
