namespace Tradewire.Dashboard;

/// <summary>
/// Settings (section <c>Dashboard</c>). The dashboard holds no operator token: the kill switch forwards the token
/// the operator typed into the page, per request.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Where the broker-gateway's control API answers (<c>POST /flatten</c>).</summary>
    public Uri BrokerGatewayUrl { get; set; } = new("http://127.0.0.1:7107");

    /// <summary>Where the dispatcher answers (<c>GET /outcomes</c>, the outcomes panel's labels).</summary>
    public Uri DispatcherUrl { get; set; } = new("http://127.0.0.1:7106");

    /// <summary>Jaeger's UI; a trace id links to <c>{JaegerUrl}/trace/{id}</c>.</summary>
    public string JaegerUrl { get; set; } = "http://127.0.0.1:16686";

    /// <summary>The paper account's equity at the start, in dollars: the broker-gateway's <c>Risk:StartingEquity</c>.</summary>
    public decimal StartingEquity { get; set; } = 100_000m;

    /// <summary>The heat gauge's red line, in percent of equity: the broker-gateway's <c>Risk:MaxPortfolioHeatFraction</c> x 100.</summary>
    public decimal HeatCapPct { get; set; } = 6m;
}
