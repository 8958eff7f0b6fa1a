using System.Text.RegularExpressions;

namespace Tradewire.Classifier.Tickers;

/// <summary>
/// Finds the universe symbols a headline/summary mentions. Pure and deterministic: the result lists each symbol
/// once, in order of its first mention. Evidence accepted, strongest first:
/// <list type="bullet">
/// <item>a cashtag (<c>$AAPL</c>, any case) or an exchange prefix (<c>NASDAQ:AAPL</c>, <c>NYSE: JPM</c>, <c>(NYSE:KO)</c>);</item>
/// <item>an upper-case symbol right after "shares of", "stake in", "calls on" ... or in parentheses after a company
/// name ending in a corporate suffix (<c>Allstate Corp. (ALL)</c>) or the symbol's own alias;</item>
/// <item>a company alias or name from the universe, case as written (all-caps text: any case);</item>
/// <item>a bare upper-case symbol, only when it is not ambiguous (see <see cref="IsAmbiguous"/>).</item>
/// </list>
/// "It is now all about A and IT" yields nothing: ambiguous symbols need ticker context.
/// </summary>
public sealed class TickerExtractor
{
    static readonly Regex Cashtag = new(@"(?<![A-Za-z0-9$])\$(?<sym>[A-Za-z]{1,5})(?![A-Za-z0-9])", RegexOptions.CultureInvariant);

    static readonly Regex ExchangePrefix = new(
        @"(?<![A-Za-z])(?i:NASDAQ|NYSE\s?ARCA|NYSE\s?American|NYSE|AMEX|ARCA|BATS|CBOE)\s*:\s*(?<sym>[A-Z]{1,5})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant);

    static readonly Regex ContextPhrase = new(
        @"(?<![A-Za-z])(?i:shares\s+of|shares\s+in|stake\s+in|stock\s+of|options\s+on|calls\s+on|puts\s+on|ticker|symbol)\s+(?<sym>[A-Z]{1,5})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant);

    static readonly Regex Parenthesised = new(@"\((?<sym>[A-Z]{1,5})\)", RegexOptions.CultureInvariant);

    static readonly Regex BareUpper = new(@"(?<![A-Za-z0-9$:])(?<sym>[A-Z]{1,5})(?![A-Za-z0-9])", RegexOptions.CultureInvariant);

    static readonly Regex CorporateSuffix = new(
        @"(?<![A-Za-z])(Inc|Corp|Corporation|Co|Company|Ltd|plc|PLC|Group|Holdings|Trust|ETF)\.?\s*$",
        RegexOptions.CultureInvariant);

    readonly Dictionary<string, UniverseSymbol> bySymbol;
    readonly (string Alias, string Symbol)[] aliases;

    public TickerExtractor(Universe universe)
    {
        bySymbol = universe.Entries.ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        // Longest alias first so "JPMorgan Chase" and "JPMorgan" both point at one mention position.
        aliases = universe.Entries
            .SelectMany(s => s.Aliases.Append(s.Name).Select(a => (Alias: a, s.Symbol)))
            .Where(a => a.Alias.Length >= 2)
            .Distinct()
            .OrderByDescending(a => a.Alias.Length).ThenBy(a => a.Alias, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Symbols mentioned in <paramref name="title"/> and then <paramref name="summary"/>.</summary>
    public IReadOnlyList<string> Extract(string title, string? summary) =>
        Extract(string.IsNullOrWhiteSpace(summary) ? title : title + "\n" + summary);

    public IReadOnlyList<string> Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        text = text.Replace('\u2019', '\'');
        var hits = new List<(int Position, string Symbol)>();

        foreach (Match m in Cashtag.Matches(text))
            Add(hits, m.Index, m.Groups["sym"].Value.ToUpperInvariant());
        foreach (Match m in ExchangePrefix.Matches(text))
            Add(hits, m.Index, m.Groups["sym"].Value);
        foreach (Match m in ContextPhrase.Matches(text))
            Add(hits, m.Groups["sym"].Index, m.Groups["sym"].Value);
        foreach (Match m in Parenthesised.Matches(text))
        {
            var symbol = m.Groups["sym"].Value;
            if (bySymbol.ContainsKey(symbol) && (!IsAmbiguous(symbol) || FollowsCompanyName(text[..m.Index], symbol)))
                Add(hits, m.Index, symbol);
        }
        FindAliases(text, hits);
        foreach (Match m in BareUpper.Matches(text))
        {
            var symbol = m.Groups["sym"].Value;
            if (!IsAmbiguous(symbol))
                Add(hits, m.Index, symbol);
        }

        return hits.OrderBy(h => h.Position).ThenBy(h => h.Symbol, StringComparer.Ordinal)
            .Select(h => h.Symbol).Distinct().ToArray();
    }

    /// <summary>
    /// True when an upper-case token equal to the symbol is plausibly an ordinary word or abbreviation
    /// ("A", "IT", "ALL", "NOW", "V", "MA", "BA", "KO", "HD"): one or two letters, or a common English word.
    /// </summary>
    public static bool IsAmbiguous(string symbol) => symbol.Length <= 2 || CommonWords.Contains(symbol);

    void Add(List<(int, string)> hits, int position, string symbol)
    {
        if (bySymbol.ContainsKey(symbol))
            hits.Add((position, symbol));
    }

    void FindAliases(string text, List<(int, string)> hits)
    {
        var comparison = IsShouting(text) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var taken = new bool[text.Length];
        foreach (var (alias, symbol) in aliases)
        {
            for (var at = text.IndexOf(alias, comparison); at >= 0; at = text.IndexOf(alias, at + 1, comparison))
            {
                var end = at + alias.Length;
                if (!IsBoundary(text, at - 1) || !IsBoundary(text, end) || taken[at])
                    continue;
                // A longer alias already claimed this span ("Goldman Sachs" before "Goldman").
                Array.Fill(taken, true, at, alias.Length);
                hits.Add((at, symbol));
            }
        }
    }

    bool FollowsCompanyName(string before, string symbol)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.Length == 0)
            return false;
        if (CorporateSuffix.IsMatch(trimmed))
            return true;
        var entry = bySymbol[symbol];
        return entry.Aliases.Append(entry.Name).Any(a =>
            trimmed.EndsWith(a, StringComparison.Ordinal) && IsBoundary(trimmed, trimmed.Length - a.Length - 1));
    }

    static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    /// <summary>All-caps headlines ("APPLE SHARES SURGE") carry aliases in upper case.</summary>
    static bool IsShouting(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }
        return upper >= 8 && lower * 10 < upper;
    }

    // Upper-case symbols that are also everyday words or abbreviations in headlines.
    static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "ALL", "NOW", "COST", "DIS", "META", "ARE", "CAN", "FOR", "HAS", "NEW", "NEXT", "ONE", "OUT", "BIG", "LOW",
        "HIGH", "LOVE", "REAL", "SAVE", "SEE", "SUN", "TWO", "WELL", "WIN", "YOU", "CEO", "CFO", "CPI", "GDP",
        "FED", "SEC", "USA", "IPO", "ETF", "EPS", "AI", "EV", "UK", "EU", "US", "FOMC", "NYSE", "NASDAQ", "ARCA",
        "LIFE", "PLAY", "BEST", "FAST", "GOOD", "HOME", "MAIN", "CASH", "OPEN", "RUN", "GO", "ON", "OR", "AN", "AT",
        "BE", "BY", "DO", "IF", "IN", "IS", "NO", "OF", "OK", "SO", "TO", "UP", "WE", "AND", "THE", "BUT", "NOT",
    };
}
