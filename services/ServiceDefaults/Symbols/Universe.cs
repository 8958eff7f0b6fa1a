namespace Tradewire.ServiceDefaults.Symbols;

/// <summary>
/// The symbols the platform trades, read from one CSV (<c>symbol,name,aliases,sector,exchange,...</c>; aliases
/// <c>|</c>-separated; symbols unique): the file <c>Universe:Path</c> names, by default the copy of
/// <c>data/universe.csv</c> shipped beside every service. Read once at start-up: a symbol added to the file is
/// picked up at the next start, no rebuild (<c>./tradewire up</c> points every service at the repository's file).
/// </summary>
public sealed class Universe
{
    public const string FileName = "universe.csv";
    public const string PathKey = "Universe:Path";

    Universe(IReadOnlyList<UniverseSymbol> entries)
    {
        Entries = entries;
        Symbols = entries.Select(e => e.Symbol).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every row: symbol, company name, aliases, exchange.</summary>
    public IReadOnlyList<UniverseSymbol> Entries { get; }

    /// <summary>The symbols alone (upper case), for membership checks.</summary>
    public IReadOnlySet<string> Symbols { get; }

    /// <summary>The file shipped with the service (its application directory).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>Registers the universe named by <c>Universe:Path</c> (default: the shipped file) as a singleton, loaded at first use.</summary>
    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(_ => Load(configuration[PathKey] is { Length: > 0 } path ? path : DefaultPath));

    public static Universe LoadDefault() => Load(DefaultPath);

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
