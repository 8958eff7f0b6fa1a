using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradewire.Ingest;
using Tradewire.Ingest.News;

namespace Tradewire.Integration.Tests.News;

/// <summary>
/// Ingest's news registration (<c>AddServiceDatabase</c> + <c>AddNewsFeeds</c>, as Program.cs wires it) on a fresh
/// database migrated with ingest's own migrations, with a fixed clock for <c>fetched_at</c> and short timeouts.
/// </summary>
public sealed class NewsHost(IHost host, string connectionString) : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 14, 31, 7, TimeSpan.Zero);

    public IHost Host => host;
    public string ConnectionString => connectionString;

    /// <param name="feeds">News:Feeds for the background poller.</param>
    /// <param name="existingDatabase">Reuse a database (a restarted service) instead of creating one.</param>
    public static async Task<NewsHost> Create(IEnumerable<string>? feeds = null, string? existingDatabase = null)
    {
        var connectionString = existingDatabase ?? await LocalInfra.CreateDatabase("news");
        await new SqlMigrator(connectionString, NullLogger.Instance).Apply(SqlMigrator.Discover(typeof(IngestDbContext).Assembly));

        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = connectionString,
            ["News:Timeout"] = "00:00:02",
            ["News:MaxRetries"] = "2",
            ["News:RetryBaseDelay"] = "00:00:00.020",
            ["News:PollInterval"] = "01:00:00",
        };
        var i = 0;
        foreach (var feed in feeds ?? [])
            config[$"News:Feeds:{i++}"] = feed;

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        builder.AddServiceDatabase<IngestDbContext>();
        builder.AddNewsFeeds();
        return new NewsHost(builder.Build(), connectionString);
    }

    /// <summary>One poll of one feed in its own scope, as the background service does it.</summary>
    public async Task<FeedPollResult> PollOnce(string feedUrl)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollOnce(feedUrl);
    }

    public Task<long> Count(string sql, params object[] parameters) => LocalInfra.Count(ConnectionString, sql, parameters);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
