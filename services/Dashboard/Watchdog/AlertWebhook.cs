using Microsoft.Extensions.Options;
using Tradewire.Contracts;

namespace Tradewire.Dashboard.Watchdog;

/// <summary>
/// POSTs an alert as JSON to <see cref="WatchdogOptions.WebhookUrl"/> (a Pushover relay, a chat hook). Best effort:
/// the alert is already a risk event on the dashboard, so a failed POST is logged (with the host only: the URL may
/// hold a token) and not retried.
/// </summary>
public sealed class AlertWebhook(HttpClient http, IOptionsMonitor<WatchdogOptions> options, ILogger<AlertWebhook> log)
{
    public async Task<bool> Send(WatchdogAlert alert, Guid eventId, CancellationToken token)
    {
        if (!Uri.TryCreate(options.CurrentValue.WebhookUrl, UriKind.Absolute, out var url))
            return false;
        try
        {
            using var response = await http.PostAsJsonAsync(url, new
            {
                source = "tradewire",
                eventId,
                reasonCode = alert.ReasonCode,
                severity = alert.Severity,
                ticker = alert.Ticker,
                at = alert.At,
                detail = alert.Detail,
                message = $"Tradewire {Wire.Name(alert.Severity)}: {alert.ReasonCode}{(alert.Ticker is null ? "" : " " + alert.Ticker)} at {alert.At:yyyy-MM-dd HH:mm} UTC",
            }, token);
            if (response.IsSuccessStatusCode)
                return true;
            log.LogWarning("Alert webhook on {Host} answered {Status} for {ReasonCode}", url.Host, (int)response.StatusCode, alert.ReasonCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            // The exception's message can repeat the URL: log its type only.
            log.LogWarning("Alert webhook on {Host} failed ({Error}) for {ReasonCode}", url.Host, e.GetType().Name, alert.ReasonCode);
        }
        return false;
    }
}
