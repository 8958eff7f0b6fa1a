using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Integration.Tests.Support;
using Tradewire.ServiceDefaults.Database;
using Xunit;

namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_migrations_run_twice
{
    [Fact]
    public async Task Should_apply_everything_once_and_nothing_the_second_time()
    {
        var db = await LocalInfra.CreateDatabase("migrate");
        var migrations = SqlMigrator.Discover(typeof(TestDbContext).Assembly);
        var migrator = new SqlMigrator(db, NullLogger.Instance);

        var first = await migrator.Apply(migrations);
        var second = await migrator.Apply(migrations);

        Assert.Equal(migrations.Select(m => m.Id), first);
        Assert.Empty(second);
        Assert.Contains(first, id => id.EndsWith("0000_transactional_outbox", StringComparison.Ordinal));
        Assert.Equal(migrations.Count, await LocalInfra.Count(db, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Should_run_concurrently_without_error()
    {
        var db = await LocalInfra.CreateDatabase("migrate");
        var migrations = SqlMigrator.Discover(typeof(TestDbContext).Assembly);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new SqlMigrator(db, NullLogger.Instance).Apply(migrations)));

        Assert.Equal(migrations.Count, results.Sum(r => r.Count));
    }
}
