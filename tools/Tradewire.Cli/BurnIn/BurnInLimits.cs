using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// The limits a burn-in day is judged against, as the running system is configured (never a CLI default):
/// the broker-gateway's <c>GET /risk</c> (portfolio heat cap, daily loss stop, starting equity) and the
/// dispatcher's <c>GET /config</c> (per-trade risk, the equity it sizes against). Fractions, as configured
/// (0.06 = 6 %). The end-of-day offsets are the broker-gateway's EndOfDay section (not served by an endpoint).
/// </summary>
public sealed record BurnInLimits(decimal MaxPortfolioHeatFraction, decimal MaxDailyLossFraction, decimal StartingEquity,
    decimal MaxRiskPerTradeFraction, decimal PaperEquity, int TightenMinutesBeforeClose = 10, int FlattenMinutesBeforeClose = 5)
{
    public static async Task<BurnInLimits> Fetch(Uri brokerGateway, Uri dispatcher, string token)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var risk = await GetJson(http, new Uri(brokerGateway, "/risk"));
        var config = await GetJson(http, new Uri(dispatcher, "/config"));
        var limits = risk.GetProperty("limits");
        var dispatch = config.GetProperty("config");
        return new BurnInLimits(
            limits.GetProperty("maxPortfolioHeatFraction").GetDecimal(), limits.GetProperty("maxDailyLossFraction").GetDecimal(),
            limits.GetProperty("startingEquity").GetDecimal(),
            dispatch.GetProperty("max_risk_per_trade_pct").GetDecimal(), dispatch.GetProperty("paper_equity").GetDecimal());
    }

    static async Task<JsonElement> GetJson(HttpClient http, Uri uri)
    {
        try
        {
            using var response = await http.GetAsync(uri);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"GET {uri} failed ({e.Message}): the burn-in check reads the configured limits from the running services");
        }
    }

    public static string Pct(decimal fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %";
}
