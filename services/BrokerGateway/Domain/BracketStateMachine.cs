namespace Tradewire.BrokerGateway.Domain;

/// <summary>
/// The one transition table of a bracket: (state, event) -> next state. Anything not listed is illegal and is
/// refused (null), never silently accepted: an illegal transition means the ledger and the broker disagree, which
/// the caller turns into a risk event instead of guessing.
/// </summary>
public static class BracketStateMachine
{
    /// <summary>The next state, or null if <paramref name="e"/> is illegal in <paramref name="state"/>.</summary>
    public static BracketState? Next(BracketState state, BracketEvent e) => (state, e) switch
    {
        (BracketState.Requested, BracketEvent.RiskRejected) => BracketState.Rejected,
        (BracketState.Requested, BracketEvent.EntryAccepted) => BracketState.EntryWorking,
        (BracketState.Requested, BracketEvent.EntryRejected) => BracketState.Rejected,
        // The broker neither accepted nor refused: we must not resubmit blindly (a duplicate entry would double
        // the position); the next minute queries by client_order_id.
        (BracketState.Requested, BracketEvent.EntryUnanswered) => BracketState.OutcomeUnknown,

        (BracketState.OutcomeUnknown, BracketEvent.EntryAccepted) => BracketState.EntryWorking,
        (BracketState.OutcomeUnknown, BracketEvent.EntryRejected) => BracketState.Rejected,
        (BracketState.OutcomeUnknown, BracketEvent.EntryUnanswered) => BracketState.OutcomeUnknown,
        // The query may find the order already (partly) filled.
        (BracketState.OutcomeUnknown, BracketEvent.EntryPartiallyFilled) => BracketState.EntryPartial,
        (BracketState.OutcomeUnknown, BracketEvent.EntryFilled) => BracketState.Protected,
        // Kill switch / EOD while the outcome is unknown: the entry is cancelled by client order id.
        (BracketState.OutcomeUnknown, BracketEvent.EntryCancelled) => BracketState.Closed,

        (BracketState.EntryWorking, BracketEvent.EntryPartiallyFilled) => BracketState.EntryPartial,
        (BracketState.EntryWorking, BracketEvent.EntryFilled) => BracketState.Protected,
        // Nothing filled: no child was ever placed, so nothing else to cancel.
        (BracketState.EntryWorking, BracketEvent.EntryCancelled) => BracketState.Closed,
        (BracketState.EntryWorking, BracketEvent.EntryRejected) => BracketState.Rejected,

        // A further partial fill resizes the legs; the last one completes the entry.
        (BracketState.EntryPartial, BracketEvent.EntryPartiallyFilled) => BracketState.EntryPartial,
        (BracketState.EntryPartial, BracketEvent.EntryFilled) => BracketState.Protected,
        // A leg filled while the entry remainder still works: the remainder is cancelled with the sibling, or the
        // bracket would re-open a position nobody protects.
        (BracketState.EntryPartial, BracketEvent.ChildFilled) => BracketState.Closed,
        (BracketState.EntryPartial, BracketEvent.ExitRequested) => BracketState.Exiting,

        (BracketState.Protected, BracketEvent.ChildFilled) => BracketState.Closed,
        (BracketState.Protected, BracketEvent.ExitRequested) => BracketState.Exiting,

        (BracketState.Exiting, BracketEvent.ExitFilled) => BracketState.Closed,
        // EOD or a kill switch overtaking a max-hold exit reuses the working EXIT order: no new event needed.
        _ => null,
    };

    /// <summary>True for states that can never change again.</summary>
    public static bool IsTerminal(BracketState state) => state is BracketState.Closed or BracketState.Rejected;
}
