using Npgsql;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Cli;

/// <summary>Small read helpers over a service database, for reports and progress.</summary>
public sealed class Db(string database, bool pooled = false)
{
    // Unpooled by default: an operator tool polls a few databases now and then, and must survive the drill's
    // restarts and pg_terminate_backend bursts, which leave pooled connections dead. The benchmark pools: a new
    // connection is a backend fork and an authentication, and five a second cost PostgreSQL whole CPU seconds
    // on the 2-core machine it measures.
    readonly string connectionString = new NpgsqlConnectionStringBuilder(database) { Pooling = pooled }.ConnectionString;

    public async Task<List<object?[]>> Rows(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            cmd.Parameters.Add(DbContextSql.Parameter(p));
        var rows = new List<object?[]>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The first column of the first row, or <paramref name="fallback"/> when the table does not exist (yet) or there is no row.</summary>
    public async Task<T> Scalar<T>(string sql, T fallback, params object[] parameters)
    {
        try
        {
            var rows = await Rows(sql, parameters);
            return rows.Count == 0 || rows[0][0] is null ? fallback : (T)Convert.ChangeType(rows[0][0]!, typeof(T));
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            return fallback;
        }
    }

    /// <summary>Column names and rows of a query, for printing; null if a table it reads does not exist.</summary>
    public async Task<(string[] Columns, List<object?[]> Rows)?> Table(string sql, params object[] parameters)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, connection);
            foreach (var p in parameters)
                cmd.Parameters.Add(DbContextSql.Parameter(p));
            await using var reader = await cmd.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return (columns, rows);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            return null;
        }
    }

    /// <summary>Runs the statements in one transaction (all or none); returns the rows each statement returned, summed.</summary>
    public async Task<int> InOneTransaction(IEnumerable<(string Sql, object[] Parameters)> statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var returned = 0;
        foreach (var (sql, parameters) in statements)
        {
            await using var cmd = new NpgsqlCommand(sql, connection, tx);
            foreach (var p in parameters)
                cmd.Parameters.Add(DbContextSql.Parameter(p));
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                returned++;
        }
        await tx.CommitAsync();
        return returned;
    }
}
