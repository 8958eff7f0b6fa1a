using MassTransit;
using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.BrokerGateway.Saga;

/// <summary>
/// The saga instance of one bracket (table <c>bracket_sagas</c>, keyed by the execution id). It owns the bracket's
/// lifecycle state; <c>brackets.state</c> is its projection for the ledger queries, written in the same
/// transaction, so the two cannot disagree after a commit.
/// </summary>
public sealed class BracketSagaState : SagaStateMachineInstance, IVersionedSaga
{
    /// <summary>The execution id (the dispatcher's <c>dispatch_executions.execution_id</c>).</summary>
    public Guid CorrelationId { get; set; }
    /// <summary>The state machine's state name (Requested, EntryWorking, ... see <see cref="BracketSaga"/>).</summary>
    public string CurrentState { get; set; } = "";
    public string Ticker { get; set; } = "";
    /// <summary>Name of the last event applied, and its market time: the audit of the latest transition.</summary>
    public string? LastEvent { get; set; }
    public DateTimeOffset? LastEventAt { get; set; }
    public uint RowVersion { get; set; }
}
