using System.Globalization;

namespace Tradewire.Integration.Tests.Support;

/// <summary>
/// One scrape of a <c>/metrics</c> page in the Prometheus text format: series (name with its labels, as written)
/// to value. A line that is not a comment and does not parse fails the test: the page must be valid for Prometheus.
/// </summary>
public sealed class PrometheusScrape
{
    readonly Dictionary<string, double> series = new(StringComparer.Ordinal);

    public PrometheusScrape(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
                continue;
            var split = line.LastIndexOf(' ');
            if (split <= 0 || !double.TryParse(line[(split + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"not a Prometheus sample line: {line}");
            series[line[..split]] = value;
        }
    }

    public static async Task<PrometheusScrape> From(HttpClient http, string path = "/metrics")
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {body}");
        return new PrometheusScrape(body);
    }

    /// <summary>The value of a series, e.g. <c>trader_orders{status="FILLED"}</c>; null when absent.</summary>
    public double? this[string name] => series.TryGetValue(name, out var v) ? v : null;

    /// <summary>The sum of every series of a metric over its labels (0 when it has none), e.g. messages consumed on all queues.</summary>
    public double Sum(string name) => series.Where(s => s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal)).Sum(s => s.Value);

    public IEnumerable<string> Names => series.Keys.Select(k => k.Split('{')[0]).Distinct();

    public double Value(string name) => this[name] ?? throw new KeyNotFoundException($"series {name} not on the page; trader_* present: " +
        string.Join(", ", series.Keys.Where(k => k.StartsWith("trader_", StringComparison.Ordinal))));
}
