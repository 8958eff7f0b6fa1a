using Microsoft.Extensions.Logging.Abstractions;

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

public sealed class When_a_database_has_a_retired_migration
{
    /// <summary>The minute watermarks' migration as databases made before its removal applied it.</summary>
    static readonly SqlMigrator.Migration RetiredWatermarks = new("Tradewire.ServiceDefaults/0002_minute_watermarks", """
        CREATE TABLE IF NOT EXISTS minute_watermarks (
            stream       text        NOT NULL,
            minute       timestamptz NOT NULL,
            expected     integer     NULL CHECK (expected >= 0),
            seen         integer     NOT NULL DEFAULT 0 CHECK (seen >= 0),
            completed_at timestamptz NULL,
            PRIMARY KEY (stream, minute),
            CONSTRAINT seen_within_expected CHECK (expected IS NULL OR seen <= expected)
        );
        """);

    const string WatermarksTable = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'minute_watermarks'";

    [Fact]
    public async Task Should_migrate_on_without_it_and_drop_its_table()
    {
        var db = await LocalInfra.CreateDatabase("migrate");
        var current = SqlMigrator.Discover(typeof(TestDbContext).Assembly);
        var retire = current.Single(m => m.Id.EndsWith("0006_retire_minute_watermarks", StringComparison.Ordinal));
        var before = current.Where(m => m != retire).Append(RetiredWatermarks).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var migrator = new SqlMigrator(db, NullLogger.Instance);
        await migrator.Apply(before);
        await LocalInfra.Count(db, "INSERT INTO minute_watermarks (stream, minute, seen) VALUES ('bars', now(), 1) RETURNING 1");

        Assert.Equal([retire.Id], await migrator.Apply(current));
        Assert.Equal(0, await LocalInfra.Count(db, WatermarksTable));
        Assert.Empty(await migrator.Apply(current));
    }

    [Fact]
    public async Task Should_never_create_its_table_in_a_new_database()
    {
        var db = await LocalInfra.CreateDatabase("migrate");
        var current = SqlMigrator.Discover(typeof(TestDbContext).Assembly);

        await new SqlMigrator(db, NullLogger.Instance).Apply(current);

        Assert.DoesNotContain(current, m => m.Sql.Contains("CREATE TABLE IF NOT EXISTS minute_watermarks", StringComparison.Ordinal));
        Assert.Equal(0, await LocalInfra.Count(db, WatermarksTable));
        Assert.Equal(0, await LocalInfra.Count(db, "SELECT count(*) FROM schema_migrations WHERE id = $1", RetiredWatermarks.Id));
    }
}
