using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tradewire.ServiceDefaults.Messaging.Sagas;

/// <summary>Maps a saga instance onto the table that the owning service's SQL migration creates.</summary>
public static class SagaModelBuilderExtensions
{
    /// <summary>
    /// Key <c>CorrelationId</c> (assigned by MassTransit, never by the database) and <see cref="IVersionedSaga.RowVersion"/>
    /// as the concurrency token on the system column <c>xmin</c>, which needs no column in the migration and
    /// cannot be forgotten by a writer. Column names and the remaining properties are left to <paramref name="configure"/>.
    /// </summary>
    public static ModelBuilder Saga<TSaga>(this ModelBuilder model, string table, Action<EntityTypeBuilder<TSaga>>? configure = null)
        where TSaga : class, IVersionedSaga
    {
        model.Entity<TSaga>(e =>
        {
            e.ToTable(table);
            e.HasKey(x => x.CorrelationId);
            e.Property(x => x.CorrelationId).ValueGeneratedNever();
            e.Property(x => x.RowVersion).IsRowVersion(); // Npgsql: a uint row version is xmin
            configure?.Invoke(e);
        });
        return model;
    }
}
