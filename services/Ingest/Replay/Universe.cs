namespace Tradewire.Ingest.Replay;

/// <summary>The tradable symbols (<c>data/universe.csv</c>, shipped beside the service as <c>universe.csv</c>).</summary>
public sealed class Universe(IReadOnlySet<string> symbols)
{
    public IReadOnlySet<string> Symbols { get; } = symbols;

    public static Universe Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || !lines[0].StartsWith("symbol,", StringComparison.Ordinal))
            throw new InvalidDataException($"{path}: expected a CSV with a 'symbol' first column");
        return new Universe(lines.Skip(1).Where(l => l.Length > 0).Select(l => l[..l.IndexOf(',')]).ToHashSet(StringComparer.Ordinal));
    }
}
