using System.Text.Json.Serialization;

namespace Tradewire.Contracts.Risk;

/// <summary>
/// The broker-gateway's trading state: <c>ACTIVE</c> trades; <c>PAUSED</c> takes no entries; <c>REDUCING</c> takes
/// no entries and lets exits run; <c>HALTED</c> (the kill switch) has cancelled and flattened everything.
/// </summary>
[JsonConverter(typeof(WireWords<TradingState>))]
public enum TradingState { Active, Paused, Reducing, Halted }
