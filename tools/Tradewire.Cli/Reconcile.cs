using Npgsql;

namespace Tradewire.Cli;

/// <summary>
/// Runs <c>scripts/reconcile_db.sql</c> (the burn-in plan's post-session reconciliation) statement by
/// statement against the broker-gateway's database; each statement is one check and must return zero rows.
/// Statements are separated by lines starting with <c>-- check:</c>, which name them.
/// </summary>
public static class Reconcile
{
    public sealed record Check(string Name, long Rows);

    public static IReadOnlyList<(string Name, string Sql)> Checks(string script)
    {
        var checks = new List<(string, string)>();
        string? name = null;
        var sql = new System.Text.StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            if (line.StartsWith("-- check:", StringComparison.Ordinal))
            {
                if (name is not null)
                    checks.Add((name, sql.ToString().Trim().TrimEnd(';')));
                name = line["-- check:".Length..].Trim();
                sql.Clear();
            }
            else if (name is not null)
                sql.AppendLine(line);
        }
        if (name is not null)
            checks.Add((name, sql.ToString().Trim().TrimEnd(';')));
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
