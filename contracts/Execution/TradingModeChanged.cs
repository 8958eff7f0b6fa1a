namespace Tradewire.Contracts.Execution;

/// <summary>
/// Event (broker-gateway to every service that stamps orders): the trading mode is now <see cref="Mode"/>,
/// <c>PAPER</c> or <c>LIVE</c>. The gateway is the only writer of the mode; the dispatcher stamps its next commands
/// with the mode of the highest <see cref="Version"/> it has seen, so a late or repeated event never moves it back.
/// The gateway also announces its current mode again at every start, with the same version.
/// </summary>
public sealed record TradingModeChanged
{
    /// <summary>Version of this contract's shape (a new field that changes meaning gets a new contract, not a new value here).</summary>
    public int ContractVersion { get; init; } = 1;

    public required ExecutionMode Mode { get; init; }
    public required ExecutionMode Previous { get; init; }

    /// <summary>Increases by one with every switch the gateway commits; 0 is the initial PAPER.</summary>
    public required long Version { get; init; }

    public required string Actor { get; init; }
    public required string Reason { get; init; }

    /// <summary>When the gateway committed the switch (wall clock: an operator action, not market logic).</summary>
    public required DateTimeOffset At { get; init; }
}
