namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Removes inbox rows older than the duplicate-detection window: delivered rows by their delivery time, and
/// rows that never got consumed (their message went to the error queue) by their receive time. Rows still
/// owning undelivered outbox messages are never removed.
/// </summary>
sealed class InboxCleanupService<TDbContext>(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<TransactionalOutboxOptions> options,
    ILogger<InboxCleanupService<TDbContext>> log) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // An interval first, then work: nothing is urgent at start-up, and a run racing the start-up of the
        // service (or a test's own call) would only make the outcome depend on timing.
        while (await Wait(options.Value.InboxCleanupInterval, stoppingToken))
        {
            try
            {
                var removed = await RemoveExpired(stoppingToken);
                if (removed > 0)
                    log.LogInformation("Inbox cleanup removed {Count} rows older than {Window}", removed, options.Value.DuplicateDetectionWindow);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Inbox cleanup failed; will retry");
            }
        }
    }

    /// <summary>False once the service is stopping.</summary>
    async Task<bool> Wait(TimeSpan interval, CancellationToken stoppingToken)
    {
        try { await Task.Delay(interval, time, stoppingToken); }
        catch (OperationCanceledException) { }
        return !stoppingToken.IsCancellationRequested;
    }

    /// <summary>Deletes the expired rows; returns how many.</summary>
    internal async Task<int> RemoveExpired(CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.DuplicateDetectionWindow;
        return await db.Set<InboxState>()
            .Where(x => (x.Delivered != null && x.Delivered < cutoff)
                        || (x.Consumed == null && x.Received < cutoff))
            .Where(x => !db.Set<OutboxMessage>().Any(m => m.InboxMessageId == x.MessageId && m.InboxConsumerId == x.ConsumerId))
            .ExecuteDeleteAsync(token);
    }
}
