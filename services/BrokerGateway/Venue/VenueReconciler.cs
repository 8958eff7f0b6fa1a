using MassTransit;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Broker.Alpaca;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts;

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
public sealed class VenueReconciler(BrokerGatewayDbContext db, VenueReader venue, BrokerFactory brokers, IPublishEndpoint publish,
    ILogger<VenueReconciler> log)
{
    public enum Status { Skipped, Clean, Drift, Failed }

    public sealed record Outcome(Status Status, IReadOnlyList<DriftItem> Drift, string? Error = null);

    /// <param name="recordFailure">False while the venue has been failing already: one RECONCILIATION_FAILED per outage, not one per retry.</param>
    public async Task<Outcome> Run(string trigger, bool recordFailure = true)
    {
        if (!await IsLive())
            return new Outcome(Status.Skipped, []);
        var first = await ReadVenue();
        if (first.Error is { } error)
            return await Failed(recordFailure, trigger, error);

        await using var tx = await db.Database.BeginTransactionAsync();
        var status = await BookStore.LoadStatus(db);
        var ledger = await ReadLedger();
        var (drift, queryError) = await Compare(ledger, first);
        if (drift is null)
            return await Failed(recordFailure, trigger, queryError!, tx);
        if (drift.Count > 0)
        {
            // Read the venue again: only a difference seen both times counts.
            var second = await ReadVenue();
            var (again, againError) = second.Error is null ? await Compare(ledger, second) : (null, second.Error);
            if (again is null)
                return await Failed(recordFailure, trigger, againError!, tx);
            var keys = again.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            drift = drift.Where(d => keys.Contains(d.Key)).ToList();
        }
        if (drift.Count == 0)
        {
            log.LogDebug("Reconciliation ({Trigger}): ledger and venue agree", trigger);
            return new Outcome(Status.Clean, []);
        }

        var book = new Book { Status = status };
        var at = status.MarketTime ?? DateTimeOffset.UnixEpoch;
        MinuteEngine.Raise(book, at, "RECONCILIATION_DRIFT", Severity.Critical, null, null, "reconciliation",
            new { trigger, differences = drift, effect = status.State == TradingState.Active ? "REDUCING" : "state kept: " + Wire.Name(status.State) }, Guid.NewGuid());
        if (status.State == TradingState.Active)
            MinuteEngine.ChangeState(book, TradingState.Reducing, "RECONCILIATION_DRIFT", "reconciliation", at);
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

    sealed record Ledger(Book Book, List<LedgerOrderView> Working, HashSet<string> Ids);

    /// <summary>The book (its working orders restore the venue adapter) and every client order id the ledger has.</summary>
    async Task<Ledger> ReadLedger()
    {
        var book = await BookStore.Load(db, null);
        var working = book.Orders.Values.Where(o => o is { Status: OrderStatus.Working, ExecutionMode: ExecutionMode.Live })
            .Select(o => new LedgerOrderView(o.ClientOrderId, o.Ticker, o.Side == OrderSide.Buy ? "buy" : "sell", o.FilledQty)).ToList();
        var ids = (await Sql.Query(db, "SELECT client_order_id FROM orders", r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
        return new Ledger(book, working, ids);
    }

    /// <summary>
    /// Each ledger-working order as the venue has it now, through the trading adapter (which follows OCO legs and
    /// replacements to the venue's current order), then <see cref="VenueDrift"/>. Null and why when the venue did not answer.
    /// </summary>
    async Task<(List<DriftItem>? Drift, string? Error)> Compare(Ledger ledger, VenueRead venueRead)
    {
        var broker = brokers.For(ExecutionMode.Live, ledger.Book.Orders);
        var views = new Dictionary<string, BrokerOrderView?>(StringComparer.Ordinal);
        try
        {
            foreach (var order in ledger.Working)
                views[order.ClientOrderId] = await broker.Query(order.ClientOrderId);
        }
        catch (BrokerUnavailableException e)
        {
            return (null, e.Message);
        }
        var positions = ledger.Book.Positions.Values.Where(p => p.Qty != 0).ToDictionary(p => p.Ticker, p => p.Qty, StringComparer.Ordinal);
        return (VenueDrift.Compare(ledger.Working, views, positions, ledger.Ids, venueRead.Open!, venueRead.Positions!).ToList(), null);
    }

    async Task<Outcome> Failed(bool record, string trigger, string error, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? open = null)
    {
        if (open is not null)
            await open.DisposeAsync(); // rolls back: nothing was written
        if (!record)
            return new Outcome(Status.Failed, [], error);
        await using var tx = await db.Database.BeginTransactionAsync();
        var status = await BookStore.LoadStatus(db);
        var book = new Book { Status = status };
        MinuteEngine.Raise(book, status.MarketTime ?? DateTimeOffset.UnixEpoch, "RECONCILIATION_FAILED", Severity.Warn, null, null, "reconciliation",
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
