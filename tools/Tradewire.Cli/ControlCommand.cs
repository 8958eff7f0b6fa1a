using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;

namespace Tradewire.Cli;

/// <summary>
/// Operator calls to a running service's control endpoints with the local operator token:
/// <c>./tradewire dispatcher-config [get | set '{"confidence_min": 0.65}']</c> (the runbook's "tune via the
/// parameter store, never code"), and <c>./tradewire broker get|post /risk|/positions|/flatten|/pause|/resume</c>.
/// Prints the service's answer; exit code 0 for a 2xx answer, 1 otherwise.
/// </summary>
public static class ControlCommand
{
    const string OperatorBody = "{\"actor\":\"operator (./tradewire)\",\"reason\":\"operator request via ./tradewire\"}";

    public static Command DispatcherConfig(RepoPaths paths)
    {
        var get = new Command("get", "print the running configuration (the default)");
        get.SetAction(_ => Call(paths, "dispatcher", HttpMethod.Get, "/config", null));
        var json = new Argument<string>("JSON") { Description = """a patch of configuration keys, e.g. '{"confidence_min": 0.65}'""" };
        var set = new Command("set", "change keys of the running configuration (validated as a whole; the history is kept)") { json };
        set.SetAction(r => Call(paths, "dispatcher", HttpMethod.Put, "/config", r.GetValue(json)));
        var command = new Command("dispatcher-config", "read or change the running dispatcher's configuration") { get, set };
        command.SetAction(_ => Call(paths, "dispatcher", HttpMethod.Get, "/config", null));
        return command;
    }

    public static Command Broker(RepoPaths paths)
    {
        var getPath = Route("a GET route: /risk, /positions, /mode, /metrics");
        var get = new Command("get", "GET a route of the running broker-gateway") { getPath };
        get.SetAction(r => Call(paths, "broker-gateway", HttpMethod.Get, r.GetValue(getPath)!, null));
        var postPath = Route("a POST route: /flatten, /pause, /resume, /mode");
        var body = new Argument<string?>("JSON") { Description = "the body (default: the operator as actor, with a reason)", Arity = ArgumentArity.ZeroOrOne };
        var post = new Command("post", "POST to a control route of the running broker-gateway") { postPath, body };
        post.SetAction(r => Call(paths, "broker-gateway", HttpMethod.Post, r.GetValue(postPath)!, r.GetValue(body) ?? OperatorBody));
        return new Command("broker", "the running broker-gateway's control API: /risk /positions /mode /metrics /flatten /pause /resume") { get, post };
    }

    static Argument<string> Route(string description)
    {
        var path = new Argument<string>("PATH") { Description = description };
        path.Validators.Add(r => { if (r.GetValueOrDefault<string>()?.StartsWith('/') != true) r.AddError("PATH must start with /"); });
        return path;
    }

    static async Task<int> Call(RepoPaths paths, string service, HttpMethod method, string path, string? body)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken.LoadOrCreate(paths));
        using var request = new HttpRequestMessage(method, new Uri(ServiceCatalog.Find(service)!.BaseAddress, path));
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.SendAsync(request);
            Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
            Console.WriteLine(await response.Content.ReadAsStringAsync());
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"{service} is not answering at {ServiceCatalog.Find(service)!.BaseAddress} ({e.Message}); is it running?");
        }
    }
}
