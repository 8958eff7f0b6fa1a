using System.CommandLine;
using System.Net.Http.Headers;
using Tradewire.Cli.CommandLine;

namespace Tradewire.Cli.Rollback;

/// <summary>
/// <c>./tradewire rollback [--gateway URL] [--dispatcher URL|none] [--flat-timeout SECONDS]</c>: <see cref="Rollback"/>
/// against the local services by default, or a deployment's (token from <c>TRADEWIRE_OPERATOR_TOKEN</c> when set,
/// else the local one).
/// </summary>
public static class RollbackCommand
{
    public static Command Definition(RepoPaths paths)
    {
        var gateway = CliOptions.Url("--gateway", "the broker-gateway (default: the local one)");
        var dispatcher = new Option<string?>("--dispatcher") { Description = "the dispatcher, or none when it has no control endpoint to follow (default: the local one)" };
        dispatcher.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } v && v != "none" && !(Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                r.AddError($"--dispatcher wants an absolute http(s) URL or none, got '{v}'");
        });
        var flatTimeout = CliOptions.Int("--flat-timeout", "seconds to wait for the account to be flat", 30, 1, 3600);
        var command = new Command("rollback", "LIVE to PAPER: pause, flatten, switch to PAPER, dispatcher follows; each step checked before the next; safe to run twice")
            { gateway, dispatcher, flatTimeout };
        command.SetAction(r => Run(paths, r.GetValue(gateway) ?? ServiceCatalog.Find("broker-gateway")!.BaseAddress,
            r.GetValue(dispatcher) switch { "none" => null, { } v => new Uri(v), null => ServiceCatalog.Find("dispatcher")!.BaseAddress },
            TimeSpan.FromSeconds(r.GetValue(flatTimeout))));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, Uri gateway, Uri? dispatcher, TimeSpan flatTimeout)
    {
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
