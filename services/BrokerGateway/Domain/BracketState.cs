namespace Tradewire.BrokerGateway.Domain;

/// <summary>Lifecycle state of one bracket (entry + OCO stop/target). Stored as the enum name in upper snake case.</summary>
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

/// <summary>What can happen to a bracket. The state machine decides which are legal in which state.</summary>
public enum BracketEvent
{
    RiskRejected,
    EntryAccepted,
    EntryRejected,
    EntryUnanswered,
    EntryPartiallyFilled,
    EntryFilled,
    /// <summary>The entry was cancelled (EOD, kill switch, max hold) with nothing filled.</summary>
    EntryCancelled,
    /// <summary>A stop or target leg filled; the sibling is cancelled in the same step.</summary>
    ChildFilled,
    /// <summary>Max hold, EOD or kill switch on a bracket holding a position: legs cancelled, market exit (EOD and
    /// the kill switch fill it at once at the bar close / last price).</summary>
    ExitRequested,
    ExitFilled,
}
