using Tradewire.FakeVenue;
using static Tradewire.Integration.Tests.BrokerGateway.GatewayScenario;

namespace Tradewire.Integration.Tests.BrokerGateway;

/// <summary>
/// A PAPER broker-gateway that has a venue configured (a local fake of Alpaca's Trading API) but trades on paper
/// until the operator switches it, plus the operator's HTTP calls on it.
/// </summary>
public sealed class ModeSwitchRig : IAsyncDisposable
{
    public const string KeyId = "AKLIVEKEY", SecretKey = "live-secret", Phrase = "CONFIRM LIVE TRADING";

    ModeSwitchRig(Tradewire.FakeVenue.FakeVenue venue, GatewayHost gateway) => (Venue, Gateway) = (venue, gateway);

    public Tradewire.FakeVenue.FakeVenue Venue { get; }
    public GatewayHost Gateway { get; }

    /// <param name="keys">False: no live key pair configured.</param>
    /// <param name="paperKeyId">The paper account's key id (APCA_API_KEY_ID), when one is configured.</param>
    public static async Task<ModeSwitchRig> Start(bool keys = true, string? paperKeyId = null, IDictionary<string, string?>? settings = null,
        string? database = null)
    {
        var venue = await Tradewire.FakeVenue.FakeVenue.Start(new FakeVenueOptions { KeyId = KeyId, SecretKey = SecretKey });
        var config = new Dictionary<string, string?>
        {
            ["Broker:Alpaca:BaseUrl"] = venue.BaseUrl, ["Broker:Alpaca:RequestTimeout"] = "00:00:01", ["Broker:Alpaca:Attempts"] = "2",
            ["Broker:Alpaca:RetryDelay"] = "00:00:00.050", ["Broker:Alpaca:FlattenWait"] = "00:00:00.500", ["APCA_API_KEY_ID"] = paperKeyId,
        };
        if (keys)
            (config["Broker:Alpaca:KeyId"], config["Broker:Alpaca:SecretKey"]) = (KeyId, SecretKey);
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        return new ModeSwitchRig(venue, await GatewayHost.Start(config, database));
    }

    /// <summary>POST /mode with the operator token (or without, <paramref name="token"/> false); the status and the body.</summary>
    public async Task<(int Status, JsonElement Body)> Switch(object body, bool token = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mode") { Content = JsonContent.Create(body) };
        if (token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.Token);
        using var response = await Gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<HttpResponseMessage> Post(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.Token);
        return await Gateway.Http.SendAsync(request);
    }

    /// <summary>The stored mode and its version, as <c>mode/version</c>.</summary>
    public async Task<string> StoredMode() =>
        await LocalInfra.Scalar<string>(Gateway.ConnectionString, "SELECT mode || '/' || mode_version FROM trading_state WHERE id = 1");

    /// <summary>A PAPER bracket on <paramref name="ticker"/> entered at the open and filled: one open PAPER position, two working legs.</summary>
    public async Task OpenPaperPosition(string ticker)
    {
        var session = Calendar.GetSession(new DateOnly(2026, 11, 23))!;
        var m0 = session.OpenUtc;
        await Gateway.Place(Order(ticker, m0));
        await Eventually.Until(() => Gateway.Count("SELECT count(*) FROM brackets"), n => n == 1, what: "bracket stored");
        await Gateway.Minute(session, m0, Flat([ticker], m0, 100m), ordersSent: 1);
        await Gateway.Minute(session, m0.AddMinutes(1), Flat([ticker], m0.AddMinutes(1), 100m));
        await Gateway.WaitForMinute(session.Date, m0.AddMinutes(2));
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Venue.DisposeAsync();
    }
}
