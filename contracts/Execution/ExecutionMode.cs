using System.Text.Json.Serialization;

namespace Tradewire.Contracts.Execution;

/// <summary>Where orders go: <c>PAPER</c> (the gateway's own simulated venue) or <c>LIVE</c> (the broker's API).</summary>
[JsonConverter(typeof(WireWords<ExecutionMode>))]
public enum ExecutionMode { Paper, Live }
