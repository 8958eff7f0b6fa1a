using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Outcomes;

/// <summary>
/// The after-the-close job: <c>./tradewire up</c>'s supervisor calls <see cref="Poll"/> now and then. A session is
/// over, on market time from the data, when the dispatcher has finished its tick for the session's last minute;
/// each such session not yet in <c>outcome_runs</c> is labelled once. A session the dispatcher never finished (a
/// partial replay) is not labelled by the job: <c>./tradewire outcomes --date D</c> labels it by hand.
/// </summary>
public sealed class OutcomeSchedule(Func<string, Db> db, Action<string> log)
{
    readonly NyseCalendar calendar = new();

    /// <summary>Labels the finished, unlabelled sessions; returns their dates. Never throws: a failure is logged and retried at the next poll.</summary>
    public async Task<IReadOnlyList<DateOnly>> Poll()
    {
        var labelled = new List<DateOnly>();
        try
        {
            foreach (var date in await FinishedUnlabelled())
            {
                var result = await OutcomeAnnotator.Run(db, date, DateTimeOffset.UtcNow);
                log($"outcomes {date:yyyy-MM-dd}: the session is over, {result.Labelled} decisions labelled ({result.Written} rows written)");
                labelled.Add(date);
            }
        }
        catch (Exception e)
        {
            // A job boundary inside the supervisor: the dispatcher's migrations may not have run yet, PostgreSQL may be
            // restarting, or a row may be bad; whatever it is must not take the supervisor down. Logged, tried again.
            log($"outcomes: not labelled this time ({e.GetType().Name}: {e.Message}); retrying at the next poll");
        }
        return labelled;
    }

    async Task<List<DateOnly>> FinishedUnlabelled()
    {
        var rows = await db("dispatcher").Rows("""
            SELECT t.session_date, max(t.minute) FROM dispatcher_ticks t
            WHERE t.done_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outcome_runs o WHERE o.trading_date = t.session_date)
            GROUP BY t.session_date ORDER BY t.session_date
            """);
        var finished = new List<DateOnly>();
        foreach (var r in rows)
        {
            var date = r[0] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)r[0]!);
            var lastDone = new DateTimeOffset(DateTime.SpecifyKind((DateTime)r[1]!, DateTimeKind.Utc));
            if (calendar.GetSession(date) is { } session && lastDone >= session.CloseUtc.AddMinutes(-1))
                finished.Add(date);
        }
        return finished;
    }
}
