using System.Globalization;

namespace Tradewire.Cli.Smoke;

/// <summary>
/// One scrape of a Prometheus text endpoint: every sample (name with its labels) and the names declared as counters.
/// Comparing two scrapes tells which counters went up in between.
/// </summary>
public sealed record MetricsScrape(IReadOnlyDictionary<string, double> Samples, IReadOnlySet<string> Counters)
{
    public static MetricsScrape Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var counters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 4 && parts[3] == "counter")
                    counters.Add(parts[2]);
                continue;
            }
            if (line.Length == 0 || line[0] == '#')
                continue;
            // "name{labels} value [timestamp]": the value follows the closing brace, or the name when unlabelled.
            var end = line.LastIndexOf('}');
            var split = line.IndexOf(' ', end < 0 ? 0 : end);
            if (split < 0)
                continue;
            var value = line[(split + 1)..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                samples[line[..split]] = v;
        }
        return new MetricsScrape(samples, counters);
    }

    /// <summary>The metric name of a sample key: without its labels and without a _total/_count/_sum/_bucket suffix.</summary>
    static string Family(string sample)
    {
        var name = sample.Split('{')[0];
        foreach (var suffix in new[] { "_total", "_count", "_sum", "_bucket" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                return name[..^suffix.Length];
        return name;
    }

    bool IsCounter(string sample) =>
        Counters.Contains(sample.Split('{')[0]) || Counters.Contains(Family(sample)) || sample.Split('{')[0].EndsWith("_total", StringComparison.Ordinal);

    /// <summary>The counter samples of this scrape whose value is above the one in <paramref name="before"/> (new samples count from 0).</summary>
    public IReadOnlyList<string> CountersAbove(MetricsScrape before) =>
        Samples.Where(s => IsCounter(s.Key) && s.Value > before.Samples.GetValueOrDefault(s.Key)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
}
