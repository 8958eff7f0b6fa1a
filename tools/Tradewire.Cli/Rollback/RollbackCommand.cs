using System.Net.Http.Headers;

namespace Tradewire.Cli.Rollback;

/// <summary>
/// <c>./tradewire rollback [--gateway URL] [--dispatcher URL|none] [--flat-timeout SECONDS]</c>: <see cref="Rollback"/>
/// against the local services by default, or a deployment's (token from <c>TRADEWIRE_OPERATOR_TOKEN</c> when set,
/// else the local one).
/// </summary>
public static class RollbackCommand
{
    public static async Task<int> Run(RepoPaths paths, string[] args)
    {
        var gateway = ServiceCatalog.Find("broker-gateway")!.BaseAddress;
        Uri? dispatcher = ServiceCatalog.Find("dispatcher")!.BaseAddress;
        var flatTimeout = TimeSpan.FromSeconds(30);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new InvalidOperationException($"rollback: {args[i]} needs a value");
            switch (args[i])
            {
                case "--gateway": gateway = new Uri(value); break;
                case "--dispatcher": dispatcher = value == "none" ? null : new Uri(value); break;
                case "--flat-timeout" when int.TryParse(value, out var s) && s > 0: flatTimeout = TimeSpan.FromSeconds(s); break;
                default: throw new InvalidOperationException("usage: ./tradewire rollback [--gateway URL] [--dispatcher URL|none] [--flat-timeout SECONDS]");
            }
        }
        var token = Environment.GetEnvironmentVariable("TRADEWIRE_OPERATOR_TOKEN") is { Length: > 0 } t ? t : OperatorToken.LoadOrCreate(paths);
        using var gatewayHttp = Client(gateway, token);
        using var dispatcherHttp = dispatcher is null ? null : Client(dispatcher, token);
        return await new Rollback(gatewayHttp, dispatcherHttp, flatTimeout, Console.Out).Run();
    }

    static HttpClient Client(Uri address, string token)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
