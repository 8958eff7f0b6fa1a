namespace Tradewire.ServiceDefaults.Messaging.Sagas;

/// <summary>
/// A saga instance stored with optimistic concurrency. <see cref="RowVersion"/> is PostgreSQL's <c>xmin</c>
/// (see <see cref="SagaModelBuilderExtensions.Saga{TSaga}"/>): every committed update changes it, so an update
/// made from a stale read matches no row and fails instead of overwriting the other writer's change.
/// The saga repository requires it, so a saga cannot be persisted without that protection by accident.
/// </summary>
public interface IVersionedSaga : ISaga
{
    uint RowVersion { get; set; }
}
