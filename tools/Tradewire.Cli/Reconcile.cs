using Npgsql;

namespace Tradewire.Cli;

/// <summary>
/// Runs <c>scripts/reconcile_db.sql</c> (the burn-in plan's post-session reconciliation) statement by
/// statement against the broker-gateway's database; each statement is one check and must return zero rows.
/// Statements are separated by blank lines; the comment above each names it.
/// </summary>
public static class Reconcile
{
    public sealed record Check(string Name, long Rows);

    public static IReadOnlyList<(string Name, string Sql)> Checks(string script)
    {
        var checks = new List<(string, string)>();
        foreach (var block in script.Replace("\r", "").Split("\n\n"))
        {
            var lines = block.Split('\n');
            var sql = string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
            if (sql.Length == 0)
                continue;
            var name = lines.FirstOrDefault(l => l.StartsWith("-- ", StringComparison.Ordinal))?[3..].Trim() ?? sql.Split('\n')[0];
            checks.Add((name, sql.TrimEnd(';')));
        }
        return checks;
    }

    public static async Task<IReadOnlyList<Check>> Run(RepoPaths paths, Db broker)
    {
        var script = Path.Combine(paths.Root, "scripts", "reconcile_db.sql");
        if (!File.Exists(script))
            return [new Check("scripts/reconcile_db.sql missing", 1)];
        var results = new List<Check>();
        foreach (var (name, sql) in Checks(await File.ReadAllTextAsync(script)))
        {
            try
            {
                results.Add(new Check(name, (await broker.Rows(sql)).Count));
            }
            catch (PostgresException e)
            {
                results.Add(new Check($"{name} (error {e.SqlState}: {e.MessageText})", 1));
            }
        }
        return results;
    }
}
