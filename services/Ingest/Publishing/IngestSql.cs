using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tradewire.Ingest.Publishing;

/// <summary>One SQL statement on the context's connection, inside its current transaction when there is one.</summary>
public static class IngestSql
{
    public static async Task Execute(IngestDbContext db, string sql, CancellationToken token, params object[] args)
    {
        var c = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(sql, c, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var a in args)
            cmd.Parameters.AddWithValue(a);
        await cmd.ExecuteNonQueryAsync(token);
    }
}
