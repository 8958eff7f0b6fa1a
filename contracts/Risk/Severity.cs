using System.Text.Json.Serialization;

namespace Tradewire.Contracts.Risk;

/// <summary>
/// How urgently the operator must look at a risk event: <c>INFO</c> (a record), <c>WARN</c> (look today),
/// <c>CRITICAL</c> (look now), <c>EMERGENCY</c> (the kill switch could not leave the account flat).
/// </summary>
[JsonConverter(typeof(WireWords<Severity>))]
public enum Severity { Info, Warn, Critical, Emergency }
