using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Http;
using Tradewire.BrokerGateway.Persistence;
using Tradewire.BrokerGateway.Venue;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Risk;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Mode;

/// <summary>
/// Changes the trading mode stored in <c>trading_state</c>, in one transaction under the trading-state row lock
/// (no minute step or control action runs meanwhile): checks (<see cref="ModeGuard"/>, then the venue answers for
/// the live account), the new mode and version, a <c>trading_mode_history</c> row, a <c>TRADING_MODE_*</c> risk
/// event, and <see cref="TradingModeChanged"/> through the outbox, which the dispatcher follows. A refusal rolls
/// back and changes nothing. Switching to the mode already in force changes nothing and answers it.
/// </summary>
public sealed class ModeSwitch(BrokerGatewayDbContext db, IPublishEndpoint publish, IOptions<BrokerOptions> options, KillSwitchSetting killSwitch,
    VenueReader venue, TimeProvider clock)
{
    public sealed record Outcome(ExecutionMode Mode, long Version, bool Changed, ModeRefusal? Refusal = null);

    /// <param name="mode">PAPER or LIVE; the request's phrase is checked by the caller (<see cref="ModeGuard.CheckRequest"/>).</param>
    public async Task<Outcome> Switch(ExecutionMode mode, string actor, string reason)
    {
        // Already in force: nothing to check (a LIVE gateway restarting while its venue is down must still start).
        var current = await Current();
        if (current.Mode == mode)
            return current;
        // The venue is asked before the row lock is taken: its answer may take seconds, and minute steps wait on that lock.
        if (mode == ExecutionMode.Live && (ModeGuard.CheckLive(options.Value, killSwitch.Engaged, 0, 0) ?? await VenueRefusal()) is { } early)
            return current with { Refusal = early };
        await using var tx = await db.Database.BeginTransactionAsync();
        var status = await BookStore.LoadStatus(db);
        if (status.Mode == mode)
            return new Outcome(mode, status.ModeVersion, Changed: false);
        if (mode == ExecutionMode.Live && await BookRefusal() is { } refusal)
            return new Outcome(status.Mode, status.ModeVersion, Changed: false, refusal);

        var version = status.ModeVersion + 1;
        await Sql.Execute(db, "UPDATE trading_state SET mode = $1, mode_version = $2, updated_at = now() WHERE id = 1", mode, version);
        await Sql.Execute(db, "INSERT INTO trading_mode_history (version, mode, previous, actor, reason) VALUES ($1,$2,$3,$4,$5)",
            version, mode, status.Mode, actor, reason);
        var book = new Book { Status = status };
        MinuteEngine.Raise(book, status.MarketTime ?? DateTimeOffset.UnixEpoch, "TRADING_MODE_" + Wire.Name(mode), mode == ExecutionMode.Live ? Severity.Warn : Severity.Info,
            null, null, actor, new { previous = status.Mode, mode, version, reason }, Guid.NewGuid());
        await BookStore.Save(db, book);
        foreach (var message in book.Outgoing)
            await publish.Publish(message);
        await publish.Publish(Announcement(mode, status.Mode, version, actor, reason));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new Outcome(mode, version, Changed: true);
    }

    /// <summary>
    /// Publishes the mode in force again (same version), at start-up: a dispatcher that missed the switch, or was
    /// started after it, catches up; one that has it ignores a version it already holds.
    /// </summary>
    public async Task<Outcome> Announce(string actor)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var status = await BookStore.LoadStatus(db);
        await publish.Publish(Announcement(status.Mode, status.Mode, status.ModeVersion, actor, "announced at start-up"));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new Outcome(status.Mode, status.ModeVersion, Changed: false);
    }

    /// <summary>The mode in force and its version (no lock: a read for the operator).</summary>
    public async Task<Outcome> Current()
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var (mode, version) = (await Sql.Query(db, "SELECT mode, mode_version FROM trading_state WHERE id = 1", r => (Wire.Parse<ExecutionMode>(r.GetString(0)), r.GetInt64(1)))).Single();
        return new Outcome(mode, version, Changed: false);
    }

    /// <summary>Under the row lock: every rule again, now with the book's open positions and working PAPER orders.</summary>
    async Task<ModeRefusal?> BookRefusal()
    {
        var positions = (await Sql.Query(db, "SELECT count(*) FROM positions WHERE qty <> 0", r => r.GetInt64(0))).Single();
        var orders = (await Sql.Query(db, "SELECT count(*) FROM orders WHERE status = 'WORKING' AND execution_mode = 'PAPER'", r => r.GetInt64(0))).Single();
        return ModeGuard.CheckLive(options.Value, killSwitch.Engaged, positions, orders);
    }

    /// <summary>The venue itself: keys it refuses, or an account that may not trade, fail the switch, not the first order.</summary>
    async Task<ModeRefusal?> VenueRefusal()
    {
        var account = await venue.AccountStatus();
        if (!account.Answered)
            return new ModeRefusal("LIVE_VENUE_CHECK_FAILED", "The venue did not confirm the live account: " + account.Error, 503);
        return account.Value == "ACTIVE" ? null
            : new ModeRefusal("LIVE_ACCOUNT_NOT_ACTIVE", $"The venue reports the account as '{account.Value}', not ACTIVE.");
    }

    TradingModeChanged Announcement(ExecutionMode mode, ExecutionMode previous, long version, string actor, string reason) => new()
    {
        Mode = mode, Previous = previous, Version = version, Actor = actor, Reason = reason, At = clock.GetUtcNow(),
    };
}
