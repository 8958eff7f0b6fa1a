namespace Tradewire.Classifier.Tickers;

/// <summary>
/// The symbols the platform trades, read from <c>universe.csv</c>
/// (<c>symbol,name,aliases,sector,exchange,...</c>; aliases <c>|</c>-separated). Symbols are unique.
/// </summary>
public sealed class Universe
{
    public const string FileName = "universe.csv";

    Universe(IReadOnlyList<UniverseSymbol> symbols) => Symbols = symbols;

    public IReadOnlyList<UniverseSymbol> Symbols { get; }

    /// <summary>Loads <c>universe.csv</c> from the application directory (the service ships it as content).</summary>
    public static Universe LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static Universe Load(string path) => Parse(File.ReadAllLines(path));

    public static Universe Parse(IEnumerable<string> lines)
    {
        using var rows = lines.GetEnumerator();
        if (!rows.MoveNext())
            throw new FormatException("universe: empty file");
        var header = rows.Current.Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new FormatException($"universe: no '{name}' column");
        int symbolAt = Column("symbol"), nameAt = Column("name"), aliasesAt = Column("aliases"), exchangeAt = Column("exchange");

        var symbols = new List<UniverseSymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNo = 1;
        while (rows.MoveNext())
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(rows.Current))
                continue;
            // The file has no quoted fields (names avoid commas); a different column count means a broken row.
            var cells = rows.Current.Split(',');
            if (cells.Length != header.Length)
                throw new FormatException($"universe line {lineNo}: {cells.Length} cells, expected {header.Length}");
            var symbol = cells[symbolAt].Trim().ToUpperInvariant();
            if (!seen.Add(symbol))
                throw new FormatException($"universe line {lineNo}: duplicate symbol {symbol}");
            var aliases = cells[aliasesAt].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            symbols.Add(new UniverseSymbol(symbol, cells[nameAt].Trim(), aliases, cells[exchangeAt].Trim()));
        }
        return new Universe(symbols);
    }
}
