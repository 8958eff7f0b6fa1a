namespace Tradewire.FakeVenue;

/// <summary>
/// Runs the venue standalone for drills: <c>--url</c> to listen on, Alpaca's usual env vars for the keys. With
/// <c>--market-data</c> it is the market-data server instead (see <see cref="MarketData.MarketDataCommand"/>).
/// </summary>
internal static class Program
{
    static async Task<int> Main(string[] args)
    {
        if (args.Contains("--market-data")) return await MarketData.MarketDataCommand.Run(args, Usage);
        string? url = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--url" && i + 1 < args.Length) url = args[++i];
            else if (args[i].StartsWith("--url=", StringComparison.Ordinal)) url = args[i]["--url=".Length..];
            else return Usage($"unknown argument: {args[i]}");
        }
        var keyId = Environment.GetEnvironmentVariable("APCA_API_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("APCA_API_SECRET_KEY");
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret)) return Usage("APCA_API_KEY_ID and APCA_API_SECRET_KEY must be set");

        var options = new FakeVenueOptions { KeyId = keyId, SecretKey = secret };
        await using var venue = await FakeVenue.Start(url is null ? options : options with { Url = url });
        Console.WriteLine($"fake venue (Alpaca Trading API v2) listening on {venue.BaseUrl}; Ctrl+C stops it");
        await venue.WaitForShutdownAsync();
        return 0;
    }

    static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: APCA_API_KEY_ID=... APCA_API_SECRET_KEY=... Tradewire.FakeVenue [--url http://127.0.0.1:5080]");
        Console.Error.WriteLine(MarketData.MarketDataCommand.Usage);
        return 2;
    }
}
