namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// A working LIVE order as the ledger holds it: <paramref name="Side"/> in the venue's words (<c>buy</c>/<c>sell</c>),
/// <paramref name="FilledQty"/> as far as the ledger has recorded.
/// </summary>
public sealed record LedgerOrderView(string ClientOrderId, string Ticker, string Side, decimal FilledQty)
{
    public int Sign => Side == "buy" ? 1 : -1;
}
