using MassTransit;

namespace Tradewire.BrokerGateway.Saga;

/// <summary>
/// One saga per bracket: entry, then an OCO stop/target pair that never outlives its position. The transitions
/// and the actions they trigger:
/// <list type="bullet">
/// <item>Requested: risk rejects (Rejected, no order), or the entry is accepted (EntryWorking), refused (Rejected)
/// or unanswered (OutcomeUnknown, resolved only by a query by client order id, never by resubmitting).</item>
/// <item>Every entry fill, partial or complete, places or resizes the OCO pair to the filled quantity (a venue that
/// cannot resize a leg gets the pair cancelled and placed again, by the engine between transitions).</item>
/// <item>A leg fill cancels its sibling and any entry remainder (Closed); an entry cancelled with nothing filled
/// leaves no child (Closed). A leg that covered less than the position (it filled while its pair was being
/// cancelled for a larger one) is an exit request instead: the rest is sold at market (Exiting).</item>
/// <item>Max hold, end of day, the kill switch and a naked-position repair cancel the legs and exit at market
/// (Exiting, then Closed on the exit's fill).</item>
/// </list>
/// Any other event in a state is refused, not applied, and raised as a critical risk event. Closed and Rejected
/// are kept (not finalized away) as the audit of the bracket.
/// </summary>
public sealed class BracketSaga : MassTransitStateMachine<BracketSagaState>
{
    public BracketSaga()
    {
        InstanceState(x => x.CurrentState);
        Correlate(() => Received);
        Correlate(() => RiskRejected);
        Correlate(() => EntryAccepted);
        Correlate(() => EntryRejected);
        Correlate(() => EntryUnanswered);
        Correlate(() => EntryPartiallyFilled);
        Correlate(() => EntryFilled);
        Correlate(() => EntryCancelled);
        Correlate(() => ChildFilled);
        Correlate(() => ExitRequested);
        Correlate(() => ExitFilled);

        Initially(
            When(Received).Then(c => c.Saga.Ticker = c.Message.Ticker).Enter(Requested));
        DuringAny(Ignore(Received)); // a redelivered command changes nothing

        During(Requested,
            When(RiskRejected).Enter(Rejected).Then(c => Actions(c).CloseRejected(c.Saga.CorrelationId, c.Message.Reason, c.Message.At)),
            When(EntryAccepted).Enter(EntryWorking),
            When(EntryRejected).Enter(Rejected).Then(c => Actions(c).CloseRejected(c.Saga.CorrelationId, c.Message.Reason, c.Message.At)),
            When(EntryUnanswered).Enter(OutcomeUnknown));

        During(OutcomeUnknown,
            When(EntryAccepted).Enter(EntryWorking),
            When(EntryRejected).Enter(Rejected).Then(c => Actions(c).CloseRejected(c.Saga.CorrelationId, c.Message.Reason, c.Message.At)),
            When(EntryUnanswered).Enter(OutcomeUnknown));

        During(OutcomeUnknown, EntryWorking, EntryPartial,
            When(EntryPartiallyFilled).Enter(EntryPartial).ThenAsync(c => Actions(c).Protect(c.Saga.CorrelationId, c.Message.EligibleFrom)),
            When(EntryFilled).Enter(Protected).ThenAsync(c => Actions(c).Protect(c.Saga.CorrelationId, c.Message.EligibleFrom)));

        During(OutcomeUnknown, EntryWorking,
            When(EntryCancelled).Enter(Closed).ThenAsync(c => Actions(c).CloseCancelled(c.Saga.CorrelationId, c.Message.Reason, c.Message.At)));

        During(EntryWorking,
            When(EntryRejected).Enter(Rejected).Then(c => Actions(c).CloseRejected(c.Saga.CorrelationId, c.Message.Reason, c.Message.At)));

        // A leg that fills while the entry remainder still works closes the bracket too: the remainder is cancelled
        // with the sibling, or the bracket would re-open a position nobody protects.
        During(EntryPartial, Protected,
            When(ChildFilled).Enter(Closed).ThenAsync(c => Actions(c).CloseOnChildFill(c.Saga.CorrelationId, c.Message.ClientOrderId, c.Message.At)),
            When(ExitRequested).Enter(Exiting).ThenAsync(c => Actions(c).Exit(c.Saga.CorrelationId, c.Message.Reason, c.Message.EligibleFrom, c.Message.At)));

        During(Exiting,
            When(ExitFilled).Enter(Closed).Then(c => Actions(c).CloseOnExitFill(c.Saga.CorrelationId, c.Message.ClientOrderId, c.Message.At)));

        OnUnhandledEvent(c =>
        {
            c.GetServiceOrCreateInstance<BracketLifecycle>().Refuse(c.Saga.CurrentState);
            return Task.CompletedTask;
        });
    }

    public State Requested { get; private set; } = null!;
    public State EntryWorking { get; private set; } = null!;
    public State EntryPartial { get; private set; } = null!;
    public State Protected { get; private set; } = null!;
    public State Exiting { get; private set; } = null!;
    public State OutcomeUnknown { get; private set; } = null!;
    public State Closed { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;

    public Event<BracketRequested> Received { get; private set; } = null!;
    public Event<BracketRiskRejected> RiskRejected { get; private set; } = null!;
    public Event<BracketEntryAccepted> EntryAccepted { get; private set; } = null!;
    public Event<BracketEntryRejected> EntryRejected { get; private set; } = null!;
    public Event<BracketEntryUnanswered> EntryUnanswered { get; private set; } = null!;
    public Event<BracketEntryPartiallyFilled> EntryPartiallyFilled { get; private set; } = null!;
    public Event<BracketEntryFilled> EntryFilled { get; private set; } = null!;
    public Event<BracketEntryCancelled> EntryCancelled { get; private set; } = null!;
    public Event<BracketChildFilled> ChildFilled { get; private set; } = null!;
    public Event<BracketExitRequested> ExitRequested { get; private set; } = null!;
    public Event<BracketExitFilled> ExitFilled { get; private set; } = null!;

    static IBracketActions Actions<T>(BehaviorContext<BracketSagaState, T> c) where T : class =>
        c.GetServiceOrCreateInstance<BracketLifecycle>().Actions;

    /// <summary>Every event is correlated by its execution id; one that finds no saga is refused like an illegal one.</summary>
    void Correlate<T>(System.Linq.Expressions.Expression<Func<Event<T>>> property) where T : class, IBracketEvent =>
        Event(property, e =>
        {
            e.CorrelateById(m => m.Message.ExecutionId);
            e.OnMissingInstance(m => m.ExecuteAsync(c =>
            {
                c.GetServiceOrCreateInstance<BracketLifecycle>().Refuse("NONE");
                return Task.CompletedTask;
            }));
        });
}

static class BracketSagaBinderExtensions
{
    /// <summary>Transition, then stamp the audit fields and project the state into the ledger's bracket row.</summary>
    public static EventActivityBinder<BracketSagaState, T> Enter<T>(this EventActivityBinder<BracketSagaState, T> binder, State state)
        where T : class, IBracketEvent =>
        binder.TransitionTo(state).Then(c =>
        {
            c.Saga.LastEvent = typeof(T).Name;
            c.Saga.LastEventAt = c.Message.At;
            c.GetServiceOrCreateInstance<BracketLifecycle>().Actions.Entered(c.Saga.CorrelationId, state.Name);
        });
}
