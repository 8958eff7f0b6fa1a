namespace Tradewire.Integration.Tests.Dashboard;

/// <summary>The dashboard's JSON API, read the way the page reads it.</summary>
public static class DashboardApi
{
    static readonly HttpClient Http = new() { BaseAddress = DashboardProcess.Url, Timeout = TimeSpan.FromSeconds(30) };

    public static Task<JsonElement> State() => Http.GetFromJsonAsync<JsonElement>("/api/state");

    public static Task<JsonElement> Provenance(string executionId) => Http.GetFromJsonAsync<JsonElement>($"/api/provenance/{executionId}");

    /// <summary>
    /// The first recorded fill whose chain is complete: bar, news on its ticker, features, its watchlist entry, the
    /// signal, the five gates and the config sha; null when no fill has such a chain yet.
    /// </summary>
    public static async Task<string?> FillWithCompleteChain()
    {
        var state = await State();
        foreach (var id in state.GetProperty("fills").EnumerateArray().Select(f => f.GetProperty("fill").GetProperty("executionId").GetString()!).Distinct())
        {
            var c = await Provenance(id);
            if (Has(c, "bar", "bar") && c.GetProperty("news").GetArrayLength() > 0 && Has(c, "features", "features") && Has(c, "watchlist", "entry")
                && Has(c, "signal", "signal") && c.GetProperty("gates").ValueKind == JsonValueKind.Object && c.GetProperty("gates").EnumerateObject().Count() == 5
                && c.GetProperty("decision").GetProperty("decision").GetProperty("configSha").GetString() is { Length: 64 })
                return id;
        }
        return null;
    }

    static bool Has(JsonElement chain, string link, string inner) =>
        chain.GetProperty(link) is { ValueKind: JsonValueKind.Object } l && l.GetProperty(inner).ValueKind == JsonValueKind.Object;
}
