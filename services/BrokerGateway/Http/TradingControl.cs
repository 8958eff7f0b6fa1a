using MassTransit;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Http;

/// <summary>
/// The operator's trading states other than the kill switch's HALTED (see <see cref="KillSwitch"/>): pause, reduce,
/// resume, each in one transaction through the bus outbox, audited in <c>risk_events</c> with actor and reason.
/// Market time for the records is the last minute the gateway processed.
/// </summary>
public sealed class TradingControl(BrokerGatewayDbContext db, IPublishEndpoint publish, ILogger<TradingControl> log)
{
    /// <summary><paramref name="BlockedMs"/>: until HALTED was committed (no new entry from then on); <paramref name="ElapsedMs"/>: until flat was committed.</summary>
    public sealed record Outcome(TradingState State, bool Flat, int OrdersCancelled, int PositionsClosed, double ElapsedMs, double BlockedMs = 0,
        double DecidedMs = 0, double SavedMs = 0);

    /// <summary>PAUSED, REDUCING, ACTIVE: new entries only in ACTIVE; exits always run.</summary>
    public async Task<Outcome> SetState(TradingState state, string actor, string reason)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var book = await BookStore.Load(db, null);
        var at = book.Status.MarketTime ?? DateTimeOffset.UnixEpoch;
        var previous = book.Status.State;
        if (state != TradingState.Halted)
            await HaltStore.Release(db); // the operator's new state ends the kill switch's halt
        MinuteEngine.ChangeState(book, state, reason, actor, at);
        MinuteEngine.Raise(book, at, "TRADING_STATE_" + Wire.Name(state), Severity.Info, null, null, actor, new { previous, state, reason }, Guid.NewGuid());
        await Save(db, publish, book);
        await tx.CommitAsync();
        log.LogWarning("Trading state {Previous} -> {State} by {Actor}: {Reason}", previous, state, actor, reason);
        return new Outcome(state, MinuteEngine.IsFlat(book), 0, 0, 0);
    }

    /// <summary>Writes the book and publishes its outgoing messages through the outbox, in the caller's transaction.</summary>
    internal static async Task Save(BrokerGatewayDbContext db, IPublishEndpoint publish, Book book)
    {
        await BookStore.Save(db, book);
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
        await db.SaveChangesAsync();
    }
}
