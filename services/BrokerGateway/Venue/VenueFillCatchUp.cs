using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Domain;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Risk;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Venue;

/// <summary>
/// Reads the venue's fills of the ledger's working LIVE orders and books them now, in one transaction under the
/// book's lock (as a minute step does, so the two never interleave and neither books a fill twice), with its
/// messages through the outbox. A PAPER book, or one without a working LIVE order, is left alone.
/// </summary>
public sealed class VenueFillCatchUp(BrokerGatewayDbContext db, BrokerFactory brokers, IOptions<RiskLimits> limits, IOptions<EngineOptions> options,
    Saga.BracketLifecycle lifecycle, IPublishEndpoint publish, ILogger<VenueFillCatchUp> log)
{
    /// <summary>How many fills were booked and OCO pairs cancelled or placed again (zero: nothing changed, nothing saved).</summary>
    public async Task<int> Run(string trigger)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var book = await BookStore.Load(db, null);
        if (!book.Orders.Values.Any(o => o is { Status: OrderStatus.Working, ExecutionMode: ExecutionMode.Live }))
            return 0;
        await BookStore.LoadSagas(db, book);
        // Fills carry the venue's own times; what they set off (legs, risk events) is dated at the last minute processed.
        var at = book.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var engine = new MinuteEngine(brokers.For(book.Status.Mode, book.Orders), limits.Value, options.Value, lifecycle, log);
        var booked = await engine.BookVenueFills(book, at);
        if (booked == 0)
            return 0;
        await BookStore.Save(db, book);
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        log.LogInformation("Venue fills booked and OCO pairs re-placed between minutes ({Trigger}): {Count}", trigger, booked);
        return booked;
    }
}
