using Microsoft.EntityFrameworkCore;
using Tradewire.BrokerGateway.Engine;
using Tradewire.Contracts.Risk;

namespace Tradewire.BrokerGateway.Persistence;

/// <summary>
/// The kill switch's halt (table <c>trading_halt</c>), kept apart from <c>trading_state</c> so that engaging it
/// never waits for a minute step: a step serializes with the other book writers on <see cref="BookStore.BookLock"/>
/// and may be waiting on the venue meanwhile. The step reads the halt when it loads the book and again before
/// each entry, so no entry is sent once the halt is committed.
/// </summary>
public static class HaltStore
{
    /// <summary>Engages the halt and records HALTED in the state history, never waiting on a lock a book writer holds.</summary>
    public static async Task Engage(DbContext db, Book book, string reason, string actor, DateTimeOffset at)
    {
        await Sql.Execute(db, "UPDATE trading_halt SET engaged = true, reason = $1, actor = $2, updated_at = now() WHERE id = 1", reason, actor);
        MinuteEngine.ChangeState(book, TradingState.Halted, reason, actor, at);
        foreach (var c in book.StateChanges)
            await Sql.Execute(db, "INSERT INTO trading_state_history (state, previous, reason, actor, at) VALUES ($1,$2,$3,$4,$5)",
                c.State, c.Previous, c.Reason, c.Actor, c.At);
        // trading_state shows HALTED at once when no book writer holds its row; otherwise that writer carries it.
        await Sql.Execute(db, """
            UPDATE trading_state SET state = 'HALTED', reason = $1, actor = $2, updated_at = now()
            WHERE id = (SELECT id FROM trading_state WHERE id = 1 FOR UPDATE SKIP LOCKED)
            """, reason, actor);
    }

    /// <summary>Releases the halt (a state other than HALTED set by the operator).</summary>
    public static Task Release(DbContext db) => Sql.Execute(db, "UPDATE trading_halt SET engaged = false, updated_at = now() WHERE id = 1 AND engaged");

    /// <summary>The engaged halt's reason and actor, or null; an unlocked read of what is committed now.</summary>
    public static async Task<(string Reason, string Actor)?> Engaged(DbContext db) =>
        (await Sql.Query(db, "SELECT reason, actor FROM trading_halt WHERE id = 1 AND engaged", r => (r.GetString(0), r.GetString(1))))
        is [var halt] ? halt : null;
}
