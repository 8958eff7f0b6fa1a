using Microsoft.EntityFrameworkCore;
using Tradewire.Contracts.Signals;

namespace Tradewire.Integration.Tests.Messaging;

/// <summary>
/// The one way services run raw SQL (<see cref="DbContextSql"/>): a write runs inside the context's current
/// transaction and goes with it, and with no transaction open it is refused rather than committed on the side;
/// an enum parameter is stored as its word.
/// </summary>
public sealed class When_raw_sql_runs_on_a_context
{
    [Fact]
    public async Task Should_run_inside_the_current_transaction_and_refuse_to_run_without_one()
    {
        var cs = await LocalInfra.CreateDatabase("rawsql");
        await using var db = new TestDbContext(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(cs).Options);
        await db.Database.OpenConnectionAsync();

        var refused = Assert.Throws<InvalidOperationException>(() => db.Command("CREATE TABLE sidecar (v int)"));
        Assert.Contains("TestDbContext", refused.Message);
        Assert.Contains(nameof(Should_run_inside_the_current_transaction_and_refuse_to_run_without_one),
            Assert.Throws<InvalidOperationException>(() => db.InTransaction()).Message);
        Assert.Null(db.InTransactionIfAny().Transaction);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.Same(db.Connection(), db.InTransaction().Connection);
            Assert.NotNull(db.InTransactionIfAny().Transaction);
            await db.Execute("CREATE TABLE kept (v int, note text, doc jsonb)", CancellationToken.None);
            Assert.Equal(1, await db.Execute("INSERT INTO kept VALUES ($1, $2, $3)", CancellationToken.None, 7, null, DbContextSql.Jsonb("""{"a":1}""")));
            Assert.Equal(7, await db.Scalar<int>("SELECT v FROM kept WHERE note IS NULL AND doc->>'a' = '1'", CancellationToken.None));
            // An enum goes in as the word the columns store, alone or in an array.
            await db.Execute("INSERT INTO kept VALUES (9, $1, NULL)", CancellationToken.None, TradeAction.BuyStock);
            Assert.Equal(1, await db.Scalar<long>("SELECT count(*) FROM kept WHERE note = ANY($1::text[])", CancellationToken.None,
                new[] { TradeAction.BuyStock, TradeAction.BuyPut }));
            await tx.CommitAsync();
        }
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.Execute("INSERT INTO kept VALUES (8, 'rolled back', NULL)", CancellationToken.None);
            await tx.RollbackAsync();
        }

        Assert.Equal(2, await LocalInfra.Count(cs, "SELECT count(*) FROM kept"));
        Assert.Equal(1, await LocalInfra.Count(cs, "SELECT count(*) FROM kept WHERE note = 'BUY_STOCK'"));
        Assert.Equal(0, await LocalInfra.Count(cs, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'sidecar'"));
    }
}
