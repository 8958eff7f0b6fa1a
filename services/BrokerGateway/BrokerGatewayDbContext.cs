using Microsoft.EntityFrameworkCore;
using Tradewire.BrokerGateway.Saga;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.BrokerGateway;

/// <summary>The broker-gateway service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class BrokerGatewayDbContext(DbContextOptions<BrokerGatewayDbContext> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Saga<BracketSagaState>("bracket_sagas", e =>
        {
            e.Property(x => x.CorrelationId).HasColumnName("correlation_id");
            e.Property(x => x.CurrentState).HasColumnName("current_state");
            e.Property(x => x.Ticker).HasColumnName("ticker");
            e.Property(x => x.LastEvent).HasColumnName("last_event");
            e.Property(x => x.LastEventAt).HasColumnName("last_event_at");
        });
    }
}
