namespace Tradewire.Dispatcher.Domain.Outcomes;

/// <summary>
/// A trading date's outcome labels summed up, the one definition that the dispatcher's <c>GET /outcomes</c> (and
/// so the dashboard) and the operator tool's printed summary share: per kind (executions, skipped), and per kind
/// and signal rule. Groups are in ordinal order of kind, then rule (a rule that is unknown, its recommendation
/// gone, sorts first as null).
/// </summary>
public sealed record OutcomeSummary(int Labelled, IReadOnlyList<OutcomeGroup> ByKind, IReadOnlyList<OutcomeGroup> ByRule)
{
    public static OutcomeSummary Of(IReadOnlyCollection<OutcomeRecord> rows) => new(
        rows.Count,
        rows.GroupBy(r => r.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => OutcomeGroup.Of(g.Key, null, g.ToList())).ToList(),
        rows.GroupBy(r => (r.Kind, r.Rule)).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Rule, StringComparer.Ordinal)
            .Select(g => OutcomeGroup.Of(g.Key.Kind, g.Key.Rule, g.ToList())).ToList());
}
