using Tradewire.Cli.Smoke;

namespace Tradewire.Integration.Tests.Smoke;

/// <summary>Which counters went up between two scrapes of a Prometheus text endpoint (no infrastructure).</summary>
public sealed class MetricsScrapeTests
{
    const string Before = """
        # HELP trader_fills_total Fills recorded.
        # TYPE trader_fills_total counter
        trader_fills_total 4
        # TYPE trader_open_positions gauge
        trader_open_positions 2
        # TYPE http_requests counter
        http_requests_total{route="/risk",code="200"} 10 1700000000000
        """;

    [Fact]
    public void Should_name_only_the_counters_that_increased()
    {
        var after = MetricsScrape.Parse(Before.Replace("trader_fills_total 4", "trader_fills_total 6", StringComparison.Ordinal)
            .Replace("trader_open_positions 2", "trader_open_positions 5", StringComparison.Ordinal));
        Assert.Equal(["trader_fills_total"], after.CountersAbove(MetricsScrape.Parse(Before)));
    }

    [Fact]
    public void Should_read_labelled_samples_and_count_a_new_series_from_zero()
    {
        var after = MetricsScrape.Parse(Before + "\nhttp_requests_total{route=\"/mode\",code=\"200\"} 1\n");
        Assert.Equal(10, after.Samples["http_requests_total{route=\"/risk\",code=\"200\"}"]);
        Assert.Equal(["http_requests_total{route=\"/mode\",code=\"200\"}"], after.CountersAbove(MetricsScrape.Parse(Before)));
    }

    [Fact]
    public void Should_find_nothing_incrementing_between_equal_scrapes()
    {
        Assert.Empty(MetricsScrape.Parse(Before).CountersAbove(MetricsScrape.Parse(Before)));
    }
}
