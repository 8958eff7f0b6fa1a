namespace Tradewire.Dispatcher.Infrastructure;

/// <summary>Deployment settings (section <c>Dispatcher</c>); risk thresholds live in <c>dispatcher_config</c>, not here.</summary>
public sealed class DispatcherOptions
{
    /// <summary>Where <c>PlaceBracketOrder</c> goes: the broker-gateway's consumer queue.</summary>
    public string BrokerQueue { get; set; } = "broker-gateway-place-bracket-order";

    /// <summary>
    /// PAPER (default) or LIVE, stamped on every execution and command (the seeds' SIMULATED and REAL). The
    /// broker-gateway executes only commands of its own mode (<c>Broker:Mode</c>) and refuses the others, so both
    /// must be switched together; a value other than these two stops the service at start.
    /// </summary>
    public string ExecutionMode { get; set; } = "PAPER";

    /// <summary>How often the run loop looks for undone ticks when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
