using System.Text.Json.Serialization;

namespace Tradewire.Contracts.Execution;

/// <summary>Which way an order trades: <c>BUY</c> (a long entry, or a short's exit) or <c>SELL</c>.</summary>
[JsonConverter(typeof(WireWords<OrderSide>))]
public enum OrderSide { Buy, Sell }
