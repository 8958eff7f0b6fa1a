namespace Tradewire.FakeVenue.Tests;

/// <summary>A started venue and an authorised client speaking to it over HTTP, with the steps the tests repeat.</summary>
internal sealed class VenueHarness : IAsyncDisposable
{
    public const string KeyId = "test-key";
    public const string SecretKey = "test-secret";

    /// <summary>09:30 New York on 2026-11-23, the session's first minute.</summary>
    public static readonly DateTimeOffset Open = new(2026, 11, 23, 14, 30, 0, TimeSpan.Zero);

    VenueHarness(FakeVenue venue)
    {
        Venue = venue;
        Http = Client();
    }

    public FakeVenue Venue { get; }
    public HttpClient Http { get; }

    public static async Task<VenueHarness> Start(Func<FakeVenueOptions, FakeVenueOptions>? configure = null)
    {
        var options = new FakeVenueOptions { KeyId = KeyId, SecretKey = SecretKey };
        return new(await FakeVenue.Start(configure is null ? options : configure(options)));
    }

    public static DateTimeOffset Minute(int minutesAfterOpen) => Open.AddMinutes(minutesAfterOpen);

    /// <summary>A client with the venue's keys; <paramref name="timeout"/> for the tests of a client giving up.</summary>
    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Venue.BaseUrl), Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("APCA-API-KEY-ID", KeyId);
        client.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", SecretKey);
        return client;
    }

    public Task<HttpResponseMessage> Submit(object order) => Http.PostAsJsonAsync("/v2/orders", order);

    public async Task<JsonNode> SubmitOk(object order) => await Read(await Submit(order), HttpStatusCode.OK);

    public async Task<JsonNode> Get(string path, HttpStatusCode expected = HttpStatusCode.OK) => await Read(await Http.GetAsync(path), expected);

    public Task<JsonNode> ByClientOrderId(string id, HttpStatusCode expected = HttpStatusCode.OK) =>
        Get($"/v2/orders:by_client_order_id?client_order_id={Uri.EscapeDataString(id)}", expected);

    /// <summary>Feeds one bar through <c>POST /fake/bars</c>.</summary>
    public async Task Bar(string symbol, DateTimeOffset minute, decimal open, decimal high, decimal low, decimal close)
    {
        var bar = new { symbol, minute, open, high, low, close, volume = 1000 };
        await Read(await Http.PostAsJsonAsync("/fake/bars", new[] { bar }), HttpStatusCode.OK);
    }

    /// <summary>Holds <paramref name="qty"/> shares bought at <paramref name="price"/> on the bar of <paramref name="minute"/>.</summary>
    public async Task Hold(string symbol, decimal qty, DateTimeOffset minute, decimal price)
    {
        await SubmitOk(new { symbol, qty, side = "buy", type = "market", time_in_force = "day" });
        await Bar(symbol, minute, price, price, price, price);
    }

    /// <summary>The body of a response of the <paramref name="expected"/> status (asserted).</summary>
    public static async Task<JsonNode> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts fields of a wire object as Alpaca prints them (strings, or null), naming the one that differs.</summary>
    public static void Fields(JsonNode? node, params (string Name, string? Value)[] expected)
    {
        Assert.NotNull(node);
        foreach (var (name, value) in expected)
        {
            var actual = node[name] switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                var other => other.ToJsonString(),
            };
            Assert.True(actual == value, $"{name}: expected {value ?? "null"}, got {actual ?? "null"}");
        }
    }

    /// <summary>Submits with a client that gives up after <paramref name="patience"/>, and asserts that it did.</summary>
    public async Task SubmitAndGiveUp(object order, TimeSpan patience)
    {
        using var impatient = Client(patience);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostAsJsonAsync("/v2/orders", order));
    }

    /// <summary>Asserts an Alpaca error body.</summary>
    public static async Task Refused(HttpResponseMessage response, HttpStatusCode status, int code, string message)
    {
        var body = await Read(response, status);
        Assert.Equal(code, (int)body["code"]!);
        Assert.Equal(message, (string)body["message"]!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Venue.DisposeAsync();
    }
}
