using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewire.Dashboard.Live;
using Tradewire.ServiceDefaults.Messaging.Outbox;

namespace Tradewire.Dashboard.Persistence;

/// <summary>
/// What every dashboard consumer does with a message: store it (in the consumer's transaction, with the trace id it
/// arrived in) and, once that transaction has committed, push it to the open pages. A message is pushed only
/// after it is stored, so the page never shows what the database does not hold.
/// </summary>
public sealed class EventRecorder(DashboardDbContext db, AfterCommit afterCommit, LiveFeed feed)
{
    /// <summary>The trace the message being consumed belongs to (MassTransit carries it in the headers).</summary>
    public static string? TraceId => Activity.Current?.TraceId.ToHexString();

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public Task Store(FormattableString insert, CancellationToken token) => db.Database.ExecuteSqlAsync(insert, token);

    public void Push(string channel, string kind, object data) => afterCommit.Add(() => feed.Publish(channel, kind, data));
}
