using Tradewire.Integration.Tests.Pipeline;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>
/// <c>/metrics</c> of the pipeline stages other than the gateway (which has its own test), scraped without a token as
/// Prometheus does, on the services still running after the shared replay: a valid page with the shared series, and
/// counts that match what the replay did.
/// </summary>
[Collection(RunningSessionCollection.Name)]
public sealed class When_prometheus_scrapes_every_stage(RunningSession session)
{
    static readonly string[] Shared = ["trader_outbox_depth", "trader_outbox_oldest_age_seconds"];

    [Fact]
    public async Task Should_serve_the_shared_series_and_count_every_minute_each_stage_consumed()
    {
        Assert.True(session.Finished, "the replay did not finish");
        var minutes = SampleSessionRun.Session.Minutes;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var service in ServiceCatalog.All.Where(s => s.Name != "broker-gateway"))
        {
            var page = await PrometheusScrape.From(http, new Uri(service.BaseAddress, "/metrics").ToString());
            Assert.True(!Shared.Except(page.Names).Any(), $"{service.Name}: missing {string.Join(", ", Shared.Except(page.Names))}");
            // Everything the replay published has been handed to RabbitMQ by now.
            Assert.Equal(0, page.Value("trader_outbox_depth"));
            if (service.Name == "ingest")
                continue; // the source: it consumes nothing during a replay
            // Each stage consumes at least one message per session minute (its input streams, one message each per minute).
            var consumed = page.Sum("trader_messages_consumed_total");
            Assert.True(consumed >= minutes, $"{service.Name}: {consumed} messages consumed for a {minutes}-minute session");
            Assert.Contains(page.Names, n => n == "trader_message_lag_seconds");
        }
    }
}
