using Npgsql;

namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>Runs a query (positional parameters $1, $2, ...) and returns every row as column name to value (DBNull as null).</summary>
static class Sql
{
    public static async Task<List<Dictionary<string, object?>>> Rows(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            cmd.Parameters.AddWithValue(p);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static decimal Dec(object? value) => Convert.ToDecimal(value);
    public static long Long(object? value) => Convert.ToInt64(value);
}
