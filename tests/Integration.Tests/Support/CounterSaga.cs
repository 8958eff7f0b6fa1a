using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.Integration.Tests.Support;

/// <summary>State of the test counter saga (schema: Migrations/9001_test_saga.sql).</summary>
public sealed class CounterState : SagaStateMachineInstance, IVersionedSaga
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public int Count { get; set; }
    public uint RowVersion { get; set; }
}

/// <summary>
/// Counts <see cref="CounterIncremented"/> events; a lost update shows as a count below the number of events.
/// <see cref="Applications"/> counts every time an increment was applied in memory, committed or not, so
/// applications beyond the committed count are the retries of conflicting updates.
/// </summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    int _applications;

    public int Applications => Volatile.Read(ref _applications);

    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => Incremented, e => e.CorrelateById(m => m.Message.CounterId));

        Initially(When(Started).TransitionTo(Counting));
        During(Counting, When(Incremented).Then(c =>
        {
            Interlocked.Increment(ref _applications);
            c.Saga.Count++;
        }));
    }

    public State Counting { get; private set; } = null!;
    public Event<CounterStarted> Started { get; private set; } = null!;
    public Event<CounterIncremented> Incremented { get; private set; } = null!;
}
