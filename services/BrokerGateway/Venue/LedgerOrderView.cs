namespace Tradewire.BrokerGateway.Venue;

/// <summary>A working LIVE order as the ledger holds it; <paramref name="Sign"/> is +1 for a buy, -1 for a sell.</summary>
public sealed record LedgerOrderView(string ClientOrderId, string Ticker, int Sign, decimal FilledQty);
