using Microsoft.EntityFrameworkCore;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dispatcher.Persistence;

/// <summary>
/// <c>dispatcher_trading_mode</c>: the one mode (PAPER or LIVE) this dispatcher stamps on executions and commands.
/// Only the broker-gateway's <c>TradingModeChanged</c> changes it; there is no setting that could disagree with it.
/// </summary>
static class TradingModeStore
{
    /// <summary>The mode in force, read in the caller's transaction (a decision and its command use the same one).</summary>
    public static async Task<ExecutionMode> Read(DbContext db, CancellationToken token) =>
        Wire.Parse<ExecutionMode>(await db.Scalar<string>("SELECT mode FROM dispatcher_trading_mode WHERE id = 1", token)
        ?? throw new InvalidOperationException("dispatcher_trading_mode has no row: the migration did not run"));

    /// <summary>Takes <paramref name="mode"/> if <paramref name="version"/> is newer than the stored one; true when it did.</summary>
    public static async Task<bool> Apply(DbContext db, ExecutionMode mode, long version, string actor, DateTimeOffset changedAt, CancellationToken token) =>
        await db.Execute("""
            UPDATE dispatcher_trading_mode SET mode = $1, version = $2, actor = $3, changed_at = $4, updated_at = now()
            WHERE id = 1 AND version < $2
            """, token, mode, version, actor, changedAt.UtcDateTime) == 1;
}
