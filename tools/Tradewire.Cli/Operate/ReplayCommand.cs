using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tradewire.Cli.Operate;

/// <summary>
/// <c>./tradewire replay DIR [--date D] [--speed N]</c>: hands one of the operator's recorded sessions to the
/// running ingest (<c>POST /replay</c> with the operator token). Ingest checks the directory, format, date and
/// conflicts; its reason is printed as it gave it. Replaying dates one after another makes a multi-day run.
/// </summary>
public static class ReplayCommand
{
    public static async Task<int> Run(RepoPaths paths, string directory, DateOnly? date, decimal speed)
    {
        var ingest = ServiceCatalog.Find("ingest")!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken.LoadOrCreate(paths));
        HttpResponseMessage response;
        try
        {
            // Ingest reads the directory itself: send the absolute path, as the operator's shell resolved it.
            response = await http.PostAsJsonAsync(new Uri(ingest.BaseAddress, "/replay"),
                new { path = Path.GetFullPath(directory), sessionDate = date?.ToString("yyyy-MM-dd"), speed });
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new InvalidOperationException($"ingest is not answering at {ingest.BaseAddress} ({e.Message}); is the system up? (./tradewire status)");
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"tradewire replay: refused by ingest ({(int)response.StatusCode}): {Reason(body)}");
                return 1;
            }
            Console.WriteLine($"replay accepted: {body}");
            Console.WriteLine("./tradewire status follows it (minute reached per stage).");
            return 0;
        }
    }

    /// <summary>The server's own words: its "error" (or a problem's "detail"), else the body as it came.</summary>
    static string Reason(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var name in new[] { "error", "detail", "title" })
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                    return v.GetString()!;
        }
        catch (JsonException) { }
        return body.Length == 0 ? "(no reason given)" : body;
    }
}
