using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dashboard.Persistence;

/// <summary>Reads for the page's API: plain SQL on the dashboard's own tables, payloads back as the contract records.</summary>
public sealed class DashboardReader(DashboardDbContext db)
{
    public async Task<List<T>> Rows<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args)
            command.Parameters.Add(DbContextSql.Parameter(arg));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(map(reader));
        return rows;
    }

    public async Task<T?> One<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] args) where T : class =>
        (await Rows(sql, map, args)).FirstOrDefault();

    /// <summary>The stored JSON payload in column <paramref name="ordinal"/> as <typeparamref name="T"/>.</summary>
    public static T Payload<T>(NpgsqlDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<T>(reader.GetString(ordinal), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"a stored payload is not a {typeof(T).Name}");

    public static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
