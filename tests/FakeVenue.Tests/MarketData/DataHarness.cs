namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>A market-data server playing a small session fast, and an authorised REST client.</summary>
internal sealed class DataHarness : IAsyncDisposable
{
    public const string KeyId = "data-key";
    public const string SecretKey = "data-secret";

    DataHarness(SessionFolder folder, MarketDataServer server)
    {
        Folder = folder;
        Server = server;
        Http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", KeyId);
        Http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", SecretKey);
    }

    public SessionFolder Folder { get; }
    public MarketDataServer Server { get; }
    public HttpClient Http { get; }
    public Uri Stream => Server.StreamUrl();

    /// <summary>
    /// Starts on <paramref name="folder"/> at <paramref name="speed"/> market seconds per wall second, market time
    /// starting at <paramref name="origin"/>. Without an origin the clock waits a day before the open until
    /// <see cref="Go"/> (which <see cref="Subscribed"/> calls), so no bar goes out before the test listens.
    /// </summary>
    public static async Task<DataHarness> Start(
        SessionFolder folder, decimal speed = 600, DateTimeOffset? origin = null, TimeSpan? authTimeout = null, params DataFault[] faults) =>
        new(folder, await MarketDataServer.Start(new MarketDataOptions
        {
            KeyId = KeyId, SecretKey = SecretKey, SessionDirectory = folder.Path, Speed = speed,
            Origin = origin ?? Waiting, Faults = faults,
            AuthTimeout = authTimeout ?? TimeSpan.FromSeconds(10),
        }));

    static readonly DateTimeOffset Waiting = SessionFolder.Open.AddDays(-1);

    /// <summary>Connects, authenticates, subscribes, then lets the session run (<see cref="Go"/>).</summary>
    public async Task<StreamProbe> Subscribed(params string[] symbols)
    {
        var probe = await StreamProbe.Subscribed(Stream, KeyId, SecretKey, symbols);
        Go();
        return probe;
    }

    /// <summary>Starts a waiting clock one minute before the open; a clock already running is left alone.</summary>
    public void Go()
    {
        if (Server.MarketNow < SessionFolder.Open.AddHours(-1)) Server.SetClock(SessionFolder.Open.AddMinutes(-1));
    }

    /// <summary>GET on the REST side; the JSON body and the status.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> Get(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>Waits until the journal holds an entry matching <paramref name="match"/>, failing after ten seconds.</summary>
    public async Task<DataJournalEntry> Journaled(Func<DataJournalEntry, bool> match, string what)
    {
        var entry = await Eventually.Until(() => Task.FromResult(Server.Journal.FirstOrDefault(match)), e => e is not null, TimeSpan.FromSeconds(10), what,
            TimeSpan.FromMilliseconds(20));
        return entry!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
