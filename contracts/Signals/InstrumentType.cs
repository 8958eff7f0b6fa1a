using System.Text.Json.Serialization;

namespace Tradewire.Contracts.Signals;

/// <summary>The instrument a recommendation names: <c>CALL</c>, <c>PUT</c> or <c>STOCK</c>.</summary>
[JsonConverter(typeof(WireWords<InstrumentType>))]
public enum InstrumentType { Call, Put, Stock }
