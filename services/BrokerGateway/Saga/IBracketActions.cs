namespace Tradewire.BrokerGateway.Saga;

/// <summary>
/// What the bracket saga can make happen at the broker and in the ledger. Implemented over the minute step's book
/// and broker (<see cref="Engine.MinuteEngine"/>); the saga decides when, these carry it out.
/// </summary>
public interface IBracketActions
{
    /// <summary>The saga entered <paramref name="state"/> (the projection into <c>brackets.state</c>).</summary>
    void Entered(Guid executionId, string state);

    /// <summary>
    /// Places the OCO stop/target sized to the filled quantity, or resizes them after a further partial fill where
    /// the broker can (elsewhere the engine cancels the pair and places it again once the transition is done).
    /// </summary>
    Task Protect(Guid executionId, DateTimeOffset eligibleFrom);

    /// <summary>A leg filled: cancels the sibling and any entry remainder, and records the close.</summary>
    Task CloseOnChildFill(Guid executionId, string childClientOrderId, DateTimeOffset at);

    /// <summary>The market exit filled: records the close.</summary>
    void CloseOnExitFill(Guid executionId, string exitClientOrderId, DateTimeOffset at);

    /// <summary>Nothing was ever filled: cancels what still works and records the close.</summary>
    Task CloseCancelled(Guid executionId, string reason, DateTimeOffset at);

    /// <summary>Refused before any fill (risk or broker): records the rejection; no order or leg exists.</summary>
    void CloseRejected(Guid executionId, string reason, DateTimeOffset at);

    /// <summary>Cancels the legs and the entry remainder and submits a market exit for the position.</summary>
    Task Exit(Guid executionId, string reason, DateTimeOffset eligibleFrom, DateTimeOffset at);

    /// <summary>
    /// The event is illegal in the saga's state (or the saga does not exist): nothing changes and a critical risk
    /// event says so, because it means the ledger and the broker disagree.
    /// </summary>
    void Refused(Guid executionId, string state, string eventName, DateTimeOffset at);
}
