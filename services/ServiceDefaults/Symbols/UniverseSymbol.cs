namespace Tradewire.ServiceDefaults.Symbols;

/// <summary>
/// One tradable symbol of the universe (<c>data/universe.csv</c>). <see cref="Symbol"/> is upper case;
/// <see cref="Aliases"/> are company names as headlines write them (case as written, e.g. "Coca-Cola").
/// </summary>
public sealed record UniverseSymbol(string Symbol, string Name, IReadOnlyList<string> Aliases, string Exchange);
