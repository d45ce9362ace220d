using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>
/// The queries of one connection (from sql/), each made into a command once and run many
/// times with new values. The loader runs a dozen statements per report; a fresh command
/// compiles its SQL every time, which cost more than the inserts themselves (docs/benchmarks.md).
/// Values are always parameters: nothing is ever spliced into the SQL.
/// </summary>
public sealed partial class PreparedStatements(DbConnection connection, SqlScripts sql) : IDisposable
{
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);

    /// <summary>The statement <c>queries/&lt;name&gt;</c> for this connection's dialect (<see cref="SqlScripts.Get"/>), prepared on first use.</summary>
    public PreparedStatement this[string query]
    {
        get
        {
            if (_statements.TryGetValue(query, out var statement)) return statement;
            statement = new PreparedStatement(connection, sql.Get($"queries/{query}"));
            _statements.Add(query, statement);
            return statement;
        }
    }

    public void Dispose()
    {
        foreach (var s in _statements.Values) s.Dispose();
        _statements.Clear();
    }

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    internal static partial Regex ParameterName();

    [GeneratedRegex(@"--[^\n]*")]
    internal static partial Regex LineComment();
}

/// <summary>One reusable command: set its parameters with <see cref="Set"/>, then run it in a transaction.</summary>
public sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand _command;
    private readonly Dictionary<string, DbParameter> _parameters = new(StringComparer.Ordinal);
    private bool _prepared;

    internal PreparedStatement(DbConnection connection, string text)
    {
        _command = connection.CreateCommand();
        _command.CommandText = text;
        var code = PreparedStatements.LineComment().Replace(text, "");
        foreach (Match m in PreparedStatements.ParameterName().Matches(code))
        {
            var name = m.Groups[1].Value;
            if (_parameters.ContainsKey(name)) continue;
            var p = _command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = DBNull.Value;
            _command.Parameters.Add(p);
            _parameters.Add(name, p);
        }
    }

    /// <summary>Sets a parameter (named without its @); null is SQL NULL.</summary>
    public PreparedStatement Set(string name, object? value)
    {
        if (!_parameters.TryGetValue(name, out var p)) throw new ArgumentException($"The statement has no parameter @{name}.", nameof(name));
        p.Value = value ?? DBNull.Value;
        return this;
    }

    public async Task<int> ExecuteAsync(DbTransaction? tx, CancellationToken ct)
    {
        Bind(tx);
        return await _command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first column of the first row, or default when there is no row or it is NULL.</summary>
    public async Task<T?> ScalarAsync<T>(DbTransaction? tx, CancellationToken ct)
    {
        Bind(tx);
        var value = await _command.ExecuteScalarAsync(ct);
        if (value is null or DBNull) return default;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows the statement returns, each mapped by <paramref name="map"/>.</summary>
    public async Task<List<T>> ReadAsync<T>(DbTransaction? tx, Func<DbDataReader, T> map, CancellationToken ct)
    {
        Bind(tx);
        var rows = new List<T>();
        await using var reader = await _command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    public void Dispose() => _command.Dispose();

    private void Bind(DbTransaction? tx)
    {
        _command.Transaction = tx;
        if (_prepared) return;

        // SQLite compiles the statement once here and keeps it; SQL Server caches the plan of a
        // parameterised batch by itself (and would need every parameter's size to prepare).
        if (_command is SqliteCommand) _command.Prepare();
        _prepared = true;
    }
}
