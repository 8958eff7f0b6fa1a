namespace Tradewire.BrokerGateway.Domain;

/// <summary>
/// Lifecycle state of one bracket (entry + OCO stop/target): the states of <see cref="Saga.BracketSaga"/>, by the
/// same names; <c>brackets.state</c> stores them in upper snake case.
/// </summary>
public enum BracketState
{
    /// <summary>Stored on receipt of PlaceBracketOrder; waits for its minute's pre-trade risk.</summary>
    Requested,
    /// <summary>Refused by pre-trade risk or by the broker. Terminal; no order (or no child) ever exists.</summary>
    Rejected,
    /// <summary>Entry submitted; nothing filled.</summary>
    EntryWorking,
    /// <summary>Entry partly filled and still working; OCO legs exist sized to the filled qty.</summary>
    EntryPartial,
    /// <summary>Entry complete; OCO legs working sized to the filled qty.</summary>
    Protected,
    /// <summary>Legs cancelled, a market exit is working (max hold, or a repair).</summary>
    Exiting,
    /// <summary>The broker did not answer the entry submit: resolved by query by client_order_id only.</summary>
    OutcomeUnknown,
    /// <summary>Flat and no working order. Terminal.</summary>
    Closed,
}

public static class BracketStates
{
    /// <summary>True for states that can never change again.</summary>
    public static bool IsTerminal(BracketState state) => state is BracketState.Closed or BracketState.Rejected;
}
