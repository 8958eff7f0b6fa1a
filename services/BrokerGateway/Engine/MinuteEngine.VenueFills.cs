namespace Tradewire.BrokerGateway.Engine;

public sealed partial class MinuteEngine
{
    /// <summary>
    /// Books what the venue filled beyond the ledger's figures, between two minutes (a trade_updates event woke it,
    /// or the stream came back). It is the minute step's own fill path: the broker compares the venue's cumulative
    /// filled quantity with the ledger's, per order, so a fill already booked, an event seen twice, or events out
    /// of order add nothing. An OCO pair those fills outgrew is placed again for the whole position (or its cancel
    /// confirmed since the last pass lets it be placed now). Returns how many fills were booked and pairs cancelled
    /// or placed: zero means nothing changed.
    /// </summary>
    public async Task<int> BookVenueFills(Book book, DateTimeOffset at)
    {
        var fills = await broker.ReadFills(at);
        foreach (var fill in fills)
            await OnFill(book, fill);
        return fills.Count + await ResizeProtection(book, at);
    }
}
