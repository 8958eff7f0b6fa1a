namespace Tradewire.Dispatcher.Runs;

/// <summary>How one claimed recommendation ended in a run.</summary>
enum DecisionOutcome
{
    /// <summary>Executed: ledger row written, PlaceBracketOrder sent.</summary>
    Simulated,
    /// <summary>The ledger already had its execution (unique index): marked SIMULATED, nothing sent again.</summary>
    AlreadyExecuted,
    Skipped,
    Failed,
    /// <summary>Another run took the row back (reaped and reclaimed); this run leaves it alone.</summary>
    ClaimLost,
}
