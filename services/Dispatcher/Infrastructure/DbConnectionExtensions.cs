using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tradewire.Dispatcher.Infrastructure;

/// <summary>Raw Npgsql commands on a DbContext's connection and current transaction (the outbox's).</summary>
static class DbConnectionExtensions
{
    public static NpgsqlCommand Command(this DbContext db, string sql, params object?[] parameters)
    {
        var tx = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Dispatcher SQL must run inside a transaction.");
        var cmd = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction());
        foreach (var p in parameters)
            cmd.Parameters.Add(p as NpgsqlParameter ?? new NpgsqlParameter { Value = p ?? DBNull.Value });
        return cmd;
    }

    public static async Task<int> Execute(this DbContext db, string sql, CancellationToken token, params object?[] parameters)
    {
        await using var cmd = db.Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(token);
    }

    public static async Task<T?> Scalar<T>(this DbContext db, string sql, CancellationToken token, params object?[] parameters)
    {
        await using var cmd = db.Command(sql, parameters);
        var value = await cmd.ExecuteScalarAsync(token);
        return value is null or DBNull ? default : (T)value;
    }

    public static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb };
}
