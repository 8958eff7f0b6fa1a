using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.BrokerGateway.Persistence;

/// <summary>Raw SQL on the DbContext's connection, inside its current transaction (the consumer's or the caller's), through <see cref="DbContextSql"/>.</summary>
static class Sql
{
    /// <summary>Commands collected and sent in one round trip (a minute's or a flatten's writes).</summary>
    public sealed class Batch(DbContext db)
    {
        readonly List<NpgsqlBatchCommand> commands = [];

        public void Add(string sql, params object?[] args)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            foreach (var arg in args)
                cmd.Parameters.Add(DbContextSql.Parameter(arg));
            commands.Add(cmd);
        }

        public async Task Execute()
        {
            if (commands.Count == 0)
                return;
            var (connection, tx) = db.InTransaction();
            await using var batch = new NpgsqlBatch(connection, tx);
            foreach (var cmd in commands)
                batch.BatchCommands.Add(cmd);
            await batch.ExecuteNonQueryAsync();
        }
    }

    public static async Task<int> Execute(DbContext db, string sql, params object?[] args)
    {
        await using var cmd = db.Command(sql, args);
        return await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<List<T>> Query<T>(DbContext db, string sql, Func<DbDataReader, T> map, params object?[] args)
    {
        await using var cmd = db.Command(sql, args);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(map(reader));
        return rows;
    }

    public static T? Get<T>(this DbDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? default : r.GetFieldValue<T>(r.GetOrdinal(column));

    public static DateTimeOffset Time(this DbDataReader r, string column) => r.GetFieldValue<DateTimeOffset>(r.GetOrdinal(column));
    public static DateTimeOffset? TimeOrNull(this DbDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : r.GetFieldValue<DateTimeOffset>(r.GetOrdinal(column));
}
