namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// One difference between the ledger and the venue. <paramref name="Kind"/>: <c>ORDER_NOT_IN_LEDGER</c> (more open
/// orders on a ticker and side at the venue than ledger orders open there: <paramref name="Ledger"/> and
/// <paramref name="Venue"/> are the counts, <paramref name="ClientOrderId"/> the venue's ids the ledger does not
/// know), <c>ORDER_MISSING_AT_VENUE</c> (working in the ledger, never seen by the venue), <c>POSITION_MISMATCH</c>
/// (the venue's quantity is not the ledger's plus the fills it has not recorded yet; signed shares).
/// </summary>
public sealed record DriftItem(string Kind, string Ticker, string? ClientOrderId = null, decimal? Ledger = null, decimal? Venue = null,
    decimal? Expected = null)
{
    /// <summary>Identity of the difference, to keep only those seen on two reads of the venue.</summary>
    public string Key => $"{Kind}|{Ticker}|{ClientOrderId}";
}
