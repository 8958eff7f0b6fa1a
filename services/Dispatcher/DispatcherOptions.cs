namespace Tradewire.Dispatcher;

/// <summary>Deployment settings (section <c>Dispatcher</c>); risk thresholds live in <c>dispatcher_config</c>, not here.</summary>
public sealed class DispatcherOptions
{
    /// <summary>Where <c>PlaceBracketOrder</c> goes: the broker-gateway's consumer queue.</summary>
    public string BrokerQueue { get; set; } = "broker-gateway-place-bracket-order";

    /// <summary>How often the run loop looks for undone ticks when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
