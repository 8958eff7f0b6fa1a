namespace Tradewire.ServiceDefaults;

/// <summary>The running service's name (e.g. <c>broker-gateway</c>): queue prefix, telemetry resource, log field.</summary>
public sealed record ServiceIdentity(string Name);
