using System.Text.Json;
using Tradewire.Contracts.Market;
using Tradewire.Features;
using Tradewire.Features.Consumers;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Integration.Tests.Features;

/// <summary>
/// A backlog of minutes on the bars queue is taken in batches (one transaction each). The same minutes must give
/// the same rows and the same published messages whether they come one at a time or as a backlog, and a bad
/// message in a backlog must fault alone.
/// </summary>
public sealed class When_features_take_a_backlog_of_minutes
{
    const int Minutes = When_features_consume_a_session_of_bars.Minutes;

    [Fact]
    public async Task Should_store_and_publish_the_same_as_one_minute_at_a_time()
    {
        var symbols = Symbols();
        var minutes = When_features_consume_a_session_of_bars.SessionBars(symbols);

        // One at a time: each minute is sent once the one before it is done, so every batch holds one message.
        await using var first = await FeaturesHost.Start();
        var send = await first.Bus.GetSendEndpoint(first.BarsQueue);
        for (var i = 0; i < Minutes; i++)
        {
            await send.Send(minutes[i]);
            await Eventually.Until(() => MinutesDone(first), n => n == i + 1, what: $"minute {i}");
        }
        var single = await Settle(first, symbols);
        Assert.Equal(Minutes, single.Transactions);

        // The whole session waits on the second service's queue before it starts: a backlog. (The first one is
        // done: its outbox is drained, so the second's recorder hears only the second.)
        var backlogName = TestService.NewName("feat");
        var backlog = await first.Bus.GetSendEndpoint(new Uri($"queue:{backlogName}-minute-bars-closed"));
        foreach (var minute in minutes)
            await backlog.Send(minute);
        await using var second = await FeaturesHost.Start(backlogName);
        var batched = await Settle(second, symbols);

        Assert.InRange(batched.Transactions, 1, Minutes / 2); // taken in batches, not one by one
        Assert.Equal(single.FeatureRows, batched.FeatureRows);
        Assert.Equal(single.States, batched.States);
        Assert.Equal(single.Published, batched.Published);
    }

    [Fact]
    public async Task Should_fault_only_the_bad_message_of_a_batch()
    {
        var symbols = Symbols();
        var minutes = When_features_consume_a_session_of_bars.SessionBars(symbols);
        var name = TestService.NewName("feat");
        var session = When_features_consume_a_session_of_bars.Session;
        // The drill's poison: a minute of the session's date outside its hours. It passes validation and fails in
        // the consumer, so it is inside a batch when it fails.
        var poison = new MinuteBarsClosed
        {
            SessionDate = session, Minute = new DateTimeOffset(session.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero), Bars = [], IsLastOfSession = false,
        };
        await using var sender = await FeaturesHost.Start();
        var backlog = await sender.Bus.GetSendEndpoint(new Uri($"queue:{name}-minute-bars-closed"));
        for (var i = 0; i < Minutes; i++)
        {
            await backlog.Send(minutes[i]);
            if (i == 5)
                await backlog.Send(poison);
        }

        await using var host = await FeaturesHost.Start(name);
        var errorQueue = $"{name}-minute-bars-closed_error";
        var faulted = await RabbitManagement.TakeUntil(errorQueue, 1, TimeSpan.FromSeconds(30));
        var outcome = await Settle(host, symbols);

        Assert.Empty(await RabbitManagement.Take(errorQueue, 10));
        var reason = Assert.Single(faulted).GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-Message").GetString();
        Assert.Contains("is not a whole UTC minute", reason);
        Assert.Equal(Minutes, await MinutesDone(host));
        Assert.Equal(Minutes, JsonSerializer.Deserialize<string[]>(outcome.Published)!.Length);
        Assert.Equal(178, await LocalInfra.Count(host.ConnectionString, "SELECT count(*) FROM lane_features"));
    }

    /// <summary>What a host did, once its outbox is drained: its rows and its messages as JSON text, and how many
    /// transactions consumed them (the messages of one batch share their receipt time).</summary>
    sealed record Outcome(string FeatureRows, string States, string Published, long Transactions);

    static async Task<Outcome> Settle(FeaturesHost host, string[] symbols)
    {
        await Eventually.Until(() => MinutesDone(host), n => n == Minutes, TimeSpan.FromSeconds(60), "every minute acted on");
        await Eventually.Until(() => LocalInfra.Count(host.ConnectionString, """SELECT count(*) FROM "OutboxState" """), n => n == 0,
            TimeSpan.FromSeconds(30), "the outbox delivered");
        var published = await Eventually.Until(() => Task.FromResult(host.Published.Of(symbols)), m => m.Count >= Minutes,
            TimeSpan.FromSeconds(30), "the published minutes");
        // Every column but the insert time; numbers as PostgreSQL prints them, so a different scale shows.
        var rows = await LocalInfra.Scalar<string>(host.ConnectionString,
            "SELECT string_agg((to_jsonb(t) - 'computed_at')::text, E'\\n' ORDER BY ticker, ts) FROM lane_features t");
        var states = await LocalInfra.Scalar<string>(host.ConnectionString,
            "SELECT string_agg((to_jsonb(t) - 'updated_at')::text, E'\\n' ORDER BY ticker) FROM feature_state t");
        var consumerId = TransactionalBatch<FeaturesDbContext>.ConsumerIdFor(new Uri($"rabbitmq://127.0.0.1/{host.BarsQueue.OriginalString["queue:".Length..]}"),
            typeof(MinuteBarsClosedConsumer));
        var transactions = await LocalInfra.Count(host.ConnectionString,
            """SELECT count(DISTINCT "Received") FROM "InboxState" WHERE "ConsumerId" = $1""", consumerId);
        return new Outcome(rows, states, JsonSerializer.Serialize(published.Select(m => JsonSerializer.Serialize(m))), transactions);
    }

    static Task<long> MinutesDone(FeaturesHost host) =>
        LocalInfra.Count(host.ConnectionString, "SELECT coalesce(max(minutes_done), 0) FROM minute_cursor");

    static string[] Symbols()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        return [$"A{tag}", $"B{tag}", $"C{tag}"];
    }
}
