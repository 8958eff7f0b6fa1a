using MassTransit;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;

namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// One reconciliation of the ledger with the venue (LIVE only: a PAPER book has no venue to disagree with). The
/// venue's open orders and positions are read first, then the ledger under the trading-state row lock (no minute
/// step moves it meanwhile), then compared (<see cref="VenueDrift"/>). A difference is read again once before it
/// counts, so a fill landing between two reads is not drift. Drift raises <c>RECONCILIATION_DRIFT</c> (CRITICAL,
/// each difference in its detail) and moves ACTIVE trading to REDUCING: no new entry until the operator has
/// looked and resumes. A venue that does not answer raises <c>RECONCILIATION_FAILED</c> and nothing is concluded:
/// no answer is never read as "the venue is flat".
/// </summary>
public sealed class VenueReconciler(BrokerGatewayDbContext db, VenueReader venue, IPublishEndpoint publish, ILogger<VenueReconciler> log)
{
    public enum Status { Skipped, Clean, Drift, Failed }

    public sealed record Outcome(Status Status, IReadOnlyList<DriftItem> Drift, string? Error = null);

    public async Task<Outcome> Run(string trigger)
    {
        if (!await IsLive())
            return new Outcome(Status.Skipped, []);
        var first = await ReadVenue();
        if (first.Error is { } error)
            return await Failed(trigger, error);

        await using var tx = await db.Database.BeginTransactionAsync();
        var status = await BookStore.LoadStatus(db);
        var ledger = await ReadLedger();
        var closed = await ClosedViews(ledger.Working, first.Open!);
        if (closed.Error is { } closedError)
            return await Failed(trigger, closedError, tx);
        var drift = Compare(ledger, first.Open!, closed.Views!, first.Positions!);
        if (drift.Count > 0)
        {
            // Read the venue again: only a difference seen both times counts.
            var second = await ReadVenue();
            if (second.Error is { } secondError)
                return await Failed(trigger, secondError, tx);
            var closedAgain = await ClosedViews(ledger.Working, second.Open!);
            if (closedAgain.Error is { } closedAgainError)
                return await Failed(trigger, closedAgainError, tx);
            var keys = Compare(ledger, second.Open!, closedAgain.Views!, second.Positions!).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            drift = drift.Where(d => keys.Contains(d.Key)).ToList();
        }
        if (drift.Count == 0)
        {
            log.LogDebug("Reconciliation ({Trigger}): ledger and venue agree", trigger);
            return new Outcome(Status.Clean, []);
        }

        var book = new Book { Status = status };
        var at = status.MarketTime ?? DateTimeOffset.UnixEpoch;
        MinuteEngine.Raise(book, at, "RECONCILIATION_DRIFT", "CRITICAL", null, null, "reconciliation",
            new { trigger, differences = drift, effect = status.State == TradingStates.Active ? "REDUCING" : "state kept: " + status.State }, Guid.NewGuid());
        if (status.State == TradingStates.Active)
            MinuteEngine.ChangeState(book, TradingStates.Reducing, "RECONCILIATION_DRIFT", "reconciliation", at);
        await Save(book);
        await tx.CommitAsync();
        log.LogCritical("Reconciliation ({Trigger}): {Count} difference(s) between the ledger and the venue: {Drift}", trigger, drift.Count,
            string.Join("; ", drift));
        return new Outcome(Status.Drift, drift);
    }

    async Task<bool> IsLive()
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        return (await Sql.Query(db, """
            SELECT (SELECT mode FROM trading_state WHERE id = 1) = 'LIVE'
                OR EXISTS (SELECT 1 FROM orders WHERE status = 'WORKING' AND execution_mode = 'LIVE')
            """, r => r.GetBoolean(0))).Single();
    }

    sealed record VenueRead(IReadOnlyList<VenueOrderView>? Open, IReadOnlyList<VenuePositionView>? Positions, string? Error);

    async Task<VenueRead> ReadVenue()
    {
        var open = await venue.OpenOrders();
        var positions = await venue.Positions();
        return new VenueRead(open.Value, positions.Value, open.Error ?? positions.Error);
    }

    sealed record Ledger(List<LedgerOrderView> Working, Dictionary<string, decimal> Positions, HashSet<string> Known);

    async Task<Ledger> ReadLedger()
    {
        var working = await Sql.Query(db, "SELECT client_order_id, ticker, side, filled_qty FROM orders WHERE status = 'WORKING' AND execution_mode = 'LIVE'",
            r => new LedgerOrderView(r.GetString(0), r.GetString(1), r.GetString(2) == "BUY" ? 1 : -1, r.GetDecimal(3)));
        var positions = (await Sql.Query(db, "SELECT ticker, qty FROM positions WHERE qty <> 0", r => (r.GetString(0), r.GetDecimal(1))))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        var known = (await Sql.Query(db, "SELECT client_order_id FROM orders", r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
        return new Ledger(working, positions, known);
    }

    sealed record Closed(Dictionary<string, VenueOrderView?>? Views, string? Error);

    /// <summary>The venue's view of each ledger-working order it does not list as open (filled or cancelled since, or never seen).</summary>
    async Task<Closed> ClosedViews(List<LedgerOrderView> working, IReadOnlyList<VenueOrderView> open)
    {
        var openIds = open.Select(o => o.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        var views = new Dictionary<string, VenueOrderView?>(StringComparer.Ordinal);
        foreach (var order in working.Where(o => !openIds.Contains(o.ClientOrderId)))
        {
            var answer = await venue.Order(order.ClientOrderId);
            if (!answer.Answered)
                return new Closed(null, answer.Error);
            views[order.ClientOrderId] = answer.Value;
        }
        return new Closed(views, null);
    }

    static List<DriftItem> Compare(Ledger ledger, IReadOnlyList<VenueOrderView> open, Dictionary<string, VenueOrderView?> closed,
        IReadOnlyList<VenuePositionView> positions) =>
        VenueDrift.Compare(ledger.Working, ledger.Positions, ledger.Known, open, closed, positions).ToList();

    async Task<Outcome> Failed(string trigger, string error, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? open = null)
    {
        if (open is not null)
            await open.DisposeAsync(); // rolls back: nothing was written
        await using var tx = await db.Database.BeginTransactionAsync();
        var status = await BookStore.LoadStatus(db);
        var book = new Book { Status = status };
        MinuteEngine.Raise(book, status.MarketTime ?? DateTimeOffset.UnixEpoch, "RECONCILIATION_FAILED", "WARN", null, null, "reconciliation",
            new { trigger, error, effect = "nothing concluded: a venue that did not answer is not taken as flat" }, Guid.NewGuid());
        await Save(book);
        await tx.CommitAsync();
        log.LogWarning("Reconciliation ({Trigger}) could not read the venue: {Error}", trigger, error);
        return new Outcome(Status.Failed, [], error);
    }

    async Task Save(Book book)
    {
        await BookStore.Save(db, book);
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
        await db.SaveChangesAsync();
    }
}
