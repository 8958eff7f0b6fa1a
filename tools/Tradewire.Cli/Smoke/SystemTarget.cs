using System.Net.Http.Headers;

namespace Tradewire.Cli.Smoke;

/// <summary>
/// A running system as the operator commands see it: each service's base URL, the operator token and each
/// service's database. Locally: the service catalog's ports, the local token and .tradewire/env; remotely:
/// TRADEWIRE_&lt;SERVICE&gt;_URL (e.g. TRADEWIRE_BROKER_GATEWAY_URL), TRADEWIRE_OPERATOR_TOKEN and TRADEWIRE_DB_&lt;SERVICE&gt;.
/// </summary>
public sealed record SystemTarget(Func<ServiceInfo, Uri> Url, string Token, Func<string, Db> Db)
{
    public static SystemTarget FromEnvironment(RepoPaths paths, string? token = null) => new(
        s => Environment.GetEnvironmentVariable($"TRADEWIRE_{s.Database.ToUpperInvariant()}_URL") is { Length: > 0 } url ? new Uri(url) : s.BaseAddress,
        token ?? Environment.GetEnvironmentVariable("TRADEWIRE_OPERATOR_TOKEN") ?? OperatorToken.LoadOrCreate(paths),
        BurnIn.BurnInCliCommand.Databases(paths));

    public Uri Endpoint(string service, string path) => new(Url(ServiceCatalog.Find(service)!), path);

    /// <summary>An HTTP client carrying the operator token (every control route needs it; health ignores it).</summary>
    public HttpClient Client(TimeSpan timeout)
    {
        var http = new HttpClient { Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }
}
