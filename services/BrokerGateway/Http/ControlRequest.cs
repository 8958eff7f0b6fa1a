namespace Tradewire.BrokerGateway.Http;

/// <summary>Body of a control call: who asks and why (both required, both stored in the audit event).</summary>
public sealed record ControlRequest(string? Actor, string? Reason);
