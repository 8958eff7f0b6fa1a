using Tradewire.Contracts.Execution;
using Tradewire.Dashboard.Persistence;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Dashboard.Watchdog;

/// <summary>Reads a <see cref="WatchdogSnapshot"/> from the events the dashboard recorded (its own database only).</summary>
public sealed class WatchdogSnapshotQuery(DashboardReader reader, IMarketCalendar calendar)
{
    public async Task<WatchdogSnapshot> Read()
    {
        var latest = (await reader.Rows("""
            SELECT 'bars', max(minute) FROM dash_bars
            UNION ALL SELECT 'features', max(minute) FROM dash_features
            UNION ALL SELECT 'news', max(minute) FROM dash_news_minutes
            UNION ALL SELECT 'dispatcher_runs', max(minute) FROM dash_dispatch_runs
            """, r => (Stream: r.GetString(0), Minute: r.IsDBNull(1) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(1))))
            .Where(x => x.Minute is not null).ToDictionary(x => x.Stream, x => x.Minute!.Value);
        var sessionDate = (await reader.Rows("SELECT session_date FROM dash_bars ORDER BY minute DESC LIMIT 1", r => r.GetFieldValue<DateOnly>(0)))
            .Cast<DateOnly?>().FirstOrDefault();
        var session = sessionDate is { } date ? calendar.GetSession(date) : null;
        if (session is null)
            return new WatchdogSnapshot(null, latest, 0, 0, false, []);

        var decisions = await reader.Rows("""
            SELECT count(*) FILTER (WHERE status = 'SIMULATED'), count(*) FILTER (WHERE status = 'SKIPPED')
            FROM dash_decisions WHERE decided_at > $1 AND decided_at <= $2
            """, r => (Simulated: (int)r.GetInt64(0), Skipped: (int)r.GetInt64(1)), session.OpenUtc, session.CloseUtc);
        var lastRunDone = (await reader.Rows("SELECT count(*) FROM dash_dispatch_runs WHERE minute = $1", r => r.GetInt64(0),
            session.CloseUtc.AddMinutes(-1))).Single() > 0;
        var openFills = await reader.Rows("""
            SELECT f.payload::text FROM dash_fills f
            WHERE NOT EXISTS (SELECT 1 FROM dash_bracket_closes c WHERE c.execution_id = f.execution_id)
            ORDER BY f.filled_at
            """, r => DashboardReader.Payload<OrderFilled>(r, 0));
        var stuck = (await reader.Rows("""
            SELECT stuck_processing, minute FROM dash_dispatch_runs WHERE minute >= $1 AND stuck_processing IS NOT NULL ORDER BY minute DESC LIMIT 1
            """, r => (r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1)), session.OpenUtc)).Cast<(int, DateTimeOffset)?>().FirstOrDefault();
        return new WatchdogSnapshot(session, latest, decisions[0].Simulated, decisions[0].Skipped, lastRunDone, openFills, stuck);
    }
}
