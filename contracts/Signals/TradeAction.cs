using System.Text.Json.Serialization;

namespace Tradewire.Contracts.Signals;

/// <summary>
/// What a recommendation proposes. Options actions are traded as the underlying: <c>BUY_PUT</c> as a short of it.
/// </summary>
[JsonConverter(typeof(WireWords<TradeAction>))]
public enum TradeAction { BuyCall, BuyPut, BuyStock, SellPremium }
