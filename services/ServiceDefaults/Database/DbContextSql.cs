using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Tradewire.Contracts;

namespace Tradewire.ServiceDefaults.Database;

/// <summary>
/// Raw Npgsql on a DbContext's own connection and current transaction: the one way every service reaches its
/// database below EF Core. A write must commit with the outgoing messages the same transaction stores (the
/// outbox), so <see cref="InTransaction"/> and <see cref="Command"/> refuse to run without one rather than
/// autocommit on the side. Parameters are positional (<c>$1</c>, <c>$2</c>, ...); null is sent as SQL NULL, and an enum as its
/// word (<see cref="Wire"/>), the spelling the columns store.
/// </summary>
public static class DbContextSql
{
    /// <summary>The context's connection (opened by EF Core or the caller).</summary>
    public static NpgsqlConnection Connection(this DbContext db) => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>The context's connection and its current transaction, or null outside one (reads and bookkeeping that may autocommit).</summary>
    public static (NpgsqlConnection Connection, NpgsqlTransaction? Transaction) InTransactionIfAny(this DbContext db) =>
        (db.Connection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());

    /// <summary>The context's connection and its current transaction; throws when no transaction is open.</summary>
    public static (NpgsqlConnection Connection, NpgsqlTransaction Transaction) InTransaction(this DbContext db, [CallerMemberName] string caller = "")
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException(
                $"{caller} must run inside a transaction on {db.GetType().Name} (the consumer's or the caller's), so that its SQL commits with the outgoing messages; none is open.");
        return (db.Connection(), (NpgsqlTransaction)transaction.GetDbTransaction());
    }

    /// <summary>A command inside the current transaction (throws when none is open).</summary>
    public static NpgsqlCommand Command(this DbContext db, string sql, params object?[] parameters)
    {
        var (connection, transaction) = db.InTransaction(nameof(Command));
        var cmd = new NpgsqlCommand(sql, connection, transaction);
        foreach (var p in parameters)
            cmd.Parameters.Add(Parameter(p));
        return cmd;
    }

    /// <summary>Runs a statement inside the current transaction; returns the rows it affected.</summary>
    public static async Task<int> Execute(this DbContext db, string sql, CancellationToken token, params object?[] parameters)
    {
        await using var cmd = db.Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(token);
    }

    /// <summary>The first column of the first row, inside the current transaction; default when there is none or it is NULL.</summary>
    public static async Task<T?> Scalar<T>(this DbContext db, string sql, CancellationToken token, params object?[] parameters)
    {
        await using var cmd = db.Command(sql, parameters);
        var value = await cmd.ExecuteScalarAsync(token);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>A JSON text sent as <c>jsonb</c>.</summary>
    /// <summary>
    /// A positional parameter for <paramref name="value"/>: null as SQL NULL, an enum (or an array of them) as its
    /// word. Npgsql would otherwise refuse an enum it has no PostgreSQL type for, and only when the statement runs.
    /// </summary>
    public static NpgsqlParameter Parameter(object? value) => value switch
    {
        NpgsqlParameter given => given,
        null => new NpgsqlParameter { Value = DBNull.Value },
        Enum word => new NpgsqlParameter { Value = Wire.Name(word) },
        Array { } array when array.GetType().GetElementType()!.IsEnum => new NpgsqlParameter { Value = array.Cast<Enum>().Select(Wire.Name).ToArray() },
        _ => new NpgsqlParameter { Value = value },
    };

    public static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
