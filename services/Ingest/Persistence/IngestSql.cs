using Npgsql;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Ingest.Persistence;

/// <summary>One SQL statement on the context's connection, inside its current transaction when there is one.</summary>
public static class IngestSql
{
    public static async Task Execute(IngestDbContext db, string sql, CancellationToken token, params object[] args)
    {
        var (c, tx) = db.InTransactionIfAny();
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var a in args)
            cmd.Parameters.AddWithValue(a);
        await cmd.ExecuteNonQueryAsync(token);
    }
}
