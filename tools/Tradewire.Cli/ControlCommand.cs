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
    public static Task<int> DispatcherConfig(RepoPaths paths, string[] args) => args switch
    {
        [] or ["get"] => Call(paths, "dispatcher", HttpMethod.Get, "/config", null),
        ["set", var json] => Call(paths, "dispatcher", HttpMethod.Put, "/config", json),
        _ => throw new InvalidOperationException("usage: ./tradewire dispatcher-config [get | set '<json patch>']"),
    };

    public static Task<int> Broker(RepoPaths paths, string[] args) => args switch
    {
        ["get", var path] => Call(paths, "broker-gateway", HttpMethod.Get, path, null),
        ["post", var path] => Call(paths, "broker-gateway", HttpMethod.Post, path, "{\"actor\":\"operator (./tradewire)\",\"reason\":\"operator request via ./tradewire\"}"),
        ["post", var path, var body] => Call(paths, "broker-gateway", HttpMethod.Post, path, body),
        _ => throw new InvalidOperationException("usage: ./tradewire broker get|post <path> [json body]"),
    };

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
