using System.Text.Json;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// One connection's channels. A subscribe adds to them and an unsubscribe subtracts (the page: "what subscription you
/// want to add to your current subscriptions"); <c>*</c> means every symbol. Only bars and updated bars carry data
/// here; the other channels are accepted and listed so that a client asking for them is answered as Alpaca would.
/// Not thread-safe: one connection's read loop owns it.
/// </summary>
internal sealed class Subscriptions(bool iex)
{
    /// <summary>The free (IEX) plan's limit on trades plus quotes channels; bars have none.</summary>
    const int IexTradeQuoteLimit = 30;

    static readonly string[] Channels = ["trades", "quotes", "bars", "updatedBars", "dailyBars", "statuses", "lulds"];
    // The read loop changes the channels while the publisher asks who wants a bar.
    readonly Lock _gate = new();
    readonly Dictionary<string, List<string>> _channels = Channels.ToDictionary(c => c, _ => new List<string>());

    public IReadOnlyList<(string Channel, IReadOnlyList<string> Symbols)> All()
    {
        lock (_gate) return Channels.Select(c => (c, (IReadOnlyList<string>)_channels[c].ToList())).ToList();
    }

    public bool Wants(PublishedBar bar)
    {
        lock (_gate) return Has(bar.Updated ? "updatedBars" : "bars", bar.Bar.Symbol);
    }

    /// <summary>Applies a subscribe (<paramref name="add"/>) or unsubscribe message; the refusal, or null.</summary>
    public StreamError? Apply(JsonElement message, bool add)
    {
        var changes = new Dictionary<string, List<string>>();
        foreach (var property in message.EnumerateObject())
        {
            if (property.Name == "action") continue;
            if (!_channels.ContainsKey(property.Name) || property.Value.ValueKind != JsonValueKind.Array) return StreamError.InvalidSyntax;
            var symbols = new List<string>();
            foreach (var item in property.Value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } s) return StreamError.InvalidSyntax;
                symbols.Add(s == "*" ? s : s.ToUpperInvariant());
            }
            changes[property.Name] = symbols;
        }
        // "be sure to include at least one of them"
        if (changes.Count == 0) return StreamError.InvalidSyntax;
        lock (_gate) return Commit(changes, add);
    }

    StreamError? Commit(Dictionary<string, List<string>> changes, bool add)
    {
        var next = _channels.ToDictionary(c => c.Key, c => new List<string>(c.Value));
        foreach (var (channel, symbols) in changes)
            foreach (var s in symbols)
                if (add && !next[channel].Contains(s)) next[channel].Add(s);
                else if (!add) next[channel].Remove(s);
        if (iex && next["trades"].Count + next["quotes"].Count > IexTradeQuoteLimit) return StreamError.SymbolLimit;
        foreach (var (channel, symbols) in next) _channels[channel] = symbols;
        return null;
    }

    bool Has(string channel, string symbol) => _channels[channel] is var list && (list.Contains("*") || list.Contains(symbol));
}
