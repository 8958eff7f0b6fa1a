namespace Tradewire.BrokerGateway.Saga;

// What can happen to a bracket. These messages never leave the broker-gateway: the minute step raises them through
// MassTransit's scoped mediator, inside the step's transaction, so the saga's decision (state, legs, cancels) is
// taken before the next bar is looked at. Every one is correlated by the execution id; At is market time.

/// <summary>Something happened to a bracket: the execution it belongs to and the market time.</summary>
public interface IBracketEvent
{
    Guid ExecutionId { get; }
    DateTimeOffset At { get; }
}

/// <summary>The gateway stored the PlaceBracketOrder command (state Requested until its minute's risk check).</summary>
public sealed record BracketRequested(Guid ExecutionId, DateTimeOffset At, string Ticker) : IBracketEvent;

/// <summary>Pre-trade risk (or the trading state) refused the entry; <paramref name="Reason"/> is the reason code.</summary>
public sealed record BracketRiskRejected(Guid ExecutionId, DateTimeOffset At, string Reason) : IBracketEvent;

public sealed record BracketEntryAccepted(Guid ExecutionId, DateTimeOffset At) : IBracketEvent;

public sealed record BracketEntryRejected(Guid ExecutionId, DateTimeOffset At, string Reason) : IBracketEvent;

/// <summary>The broker did not answer the entry submit: the outcome is unknown until a query by client order id.</summary>
public sealed record BracketEntryUnanswered(Guid ExecutionId, DateTimeOffset At) : IBracketEvent;

/// <summary>Part of the entry filled and the rest still works. Legs placed now may fill from <paramref name="EligibleFrom"/>.</summary>
public sealed record BracketEntryPartiallyFilled(Guid ExecutionId, DateTimeOffset At, DateTimeOffset EligibleFrom) : IBracketEvent;

public sealed record BracketEntryFilled(Guid ExecutionId, DateTimeOffset At, DateTimeOffset EligibleFrom) : IBracketEvent;

/// <summary>The entry is to be cancelled with nothing filled (end of day, kill switch).</summary>
public sealed record BracketEntryCancelled(Guid ExecutionId, DateTimeOffset At, string Reason) : IBracketEvent;

/// <summary>The stop or the target (<paramref name="ClientOrderId"/>) filled completely.</summary>
public sealed record BracketChildFilled(Guid ExecutionId, DateTimeOffset At, string ClientOrderId) : IBracketEvent;

/// <summary>Exit the position at market (max hold, end of day, kill switch, a naked-position repair).</summary>
public sealed record BracketExitRequested(Guid ExecutionId, DateTimeOffset At, string Reason, DateTimeOffset EligibleFrom) : IBracketEvent;

public sealed record BracketExitFilled(Guid ExecutionId, DateTimeOffset At, string ClientOrderId) : IBracketEvent;
