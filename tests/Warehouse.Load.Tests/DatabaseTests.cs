using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

public sealed class DatabaseTests
{
    private static int Scripts => new SqlScripts(Dialect.Sqlite).Migrations().Count + new SqlScripts(Dialect.Sqlite).Views().Count;

    [Fact]
    public async Task Migrations_are_recorded_in_a_journal_and_run_once()
    {
        using var w = new TempWarehouse();
        await using (var c = await w.OpenAsync())
        {
            (await c.ExecuteScalarAsync<long>("select count(*) from schema_versions")).ShouldBe(Scripts);
        }

        var again = new WarehouseDatabase(w.Database.Target);
        await using var c2 = await again.OpenAsync(TestContext.Current.CancellationToken);
        (await c2.ExecuteScalarAsync<long>("select count(*) from schema_versions")).ShouldBe(Scripts);
        (await c2.ExecuteScalarAsync<string>("pragma journal_mode")).ShouldBe("wal");
    }

    [Fact]
    public async Task A_database_from_a_newer_schema_is_refused_and_left_alone()
    {
        using var w = new TempWarehouse();
        await using (var c = await w.OpenAsync())
        {
            await c.ExecuteAsync("insert into schema_versions (ScriptName, Applied) values ('0099_from_the_future', '2030-01-01')");
        }

        var e = await Should.ThrowAsync<WarehouseException>(() => new WarehouseDatabase(w.Database.Target).OpenAsync(TestContext.Current.CancellationToken));
        e.Message.ShouldContain("newer version");
        e.Message.ShouldContain("0099_from_the_future");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_gives_a_sentence()
    {
        using var w = new TempWarehouse();
        var path = Path.Combine(w.Folder, "notes.db");
        await File.WriteAllTextAsync(path, new string((char)120, 4096), TestContext.Current.CancellationToken);
        var e = await Should.ThrowAsync<WarehouseException>(() => new WarehouseDatabase(WarehouseTarget.Parse(path)).OpenAsync(TestContext.Current.CancellationToken));
        e.Message.ShouldContain("not a SQLite database");
    }

    [Fact]
    public async Task A_locked_database_gives_a_sentence_and_changes_nothing()
    {
        using var w = new TempWarehouse(lockWaitSeconds: 1);
        await using (await w.OpenAsync()) { }
        await using var holder = new SqliteConnection(w.Database.Target.ConnectionString);
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await holder.ExecuteAsync("pragma busy_timeout = 0; begin exclusive;");
        var files = new[] { w.Write("seed.txt", File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), "000*.txt")[0])) };
        var e = await Should.ThrowAsync<WarehouseException>(() => w.Ingest().IngestAsync(files, new Warehouse.Load.IngestOptions(), null, TestContext.Current.CancellationToken));
        e.Message.ShouldContain("locked");
        await holder.ExecuteAsync("rollback");
        (await w.CountAsync("fact_report")).ShouldBe(0);
    }

    [Fact]
    public void Every_SQL_Server_script_parses_as_T_SQL()
    {
        // Each script as SQL Server runs it: the migrations as written, the views and queries rendered.
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(true);
        var sql = new SqlScripts(Dialect.SqlServer);
        var scripts = sql.Migrations().Concat(sql.Views()).Concat(sql.Names("queries").Select(n => (Name: n, Sql: sql.Get(n)))).ToList();
        scripts.Count.ShouldBeGreaterThan(80);
        foreach (var (name, text) in scripts)
        {
            parser.Parse(new StringReader(text), out var errors);
            errors.Select(e => $"{name}:{e.Line}: {e.Message}").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Every_SQLite_query_prepares()
    {
        // SQLite's own parser on each rendered query, against the schema, as the T-SQL parser above for SQL Server.
        using var w = new TempWarehouse();
        await using var c = await w.OpenAsync();
        var sql = new SqlScripts(Dialect.Sqlite);
        foreach (var name in sql.Names("queries"))
        {
            using var command = c.CreateCommand();
            command.CommandText = sql.Get(name);
            Should.NotThrow(command.Prepare, name);
        }
    }

    [Fact]
    public void Both_dialects_have_the_same_scripts()
    {
        // bench/ holds sqlite3 shell scripts for the SQLite benchmark only.
        static IEnumerable<string> Names(Dialect dialect)
        {
            var sql = new SqlScripts(dialect);
            return sql.Migrations().Select(m => "migrations/" + m.Name).Concat(sql.Names("views")).Concat(sql.Names("queries"));
        }

        Names(Dialect.SqlServer).ShouldBe(Names(Dialect.Sqlite));
    }

    [Fact]
    public void A_shared_script_is_rendered_for_each_dialect()
    {
        const string source = "create or alter view dbo.v_x as\nselect {{sqlserver:top (5) }}name, {{concat(N'仅含', max(a.name), N'的报告')}} as note from dbo.dim_agency a{{sqlite: limit 5}};";
        SqlScripts.Render(source, Dialect.Sqlite).ShouldBe(
            "drop view if exists v_x;\ncreate view v_x as\nselect name, '仅含' || max(a.name) || '的报告' as note from dim_agency a limit 5;");
        SqlScripts.Render(source, Dialect.SqlServer).ShouldBe(
            "create or alter view dbo.v_x as\nselect top (5) name, N'仅含' + max(a.name) + N'的报告' as note from dbo.dim_agency a;");
        // Only a literal's own N goes, not an N inside a literal, nor after an apostrophe in a comment.
        SqlScripts.Render("-- the report's N'\nselect N'全部', 'IN', '%N' from dbo.t;", Dialect.Sqlite).ShouldBe("-- the report's N'\nselect '全部', 'IN', '%N' from t;");
        Should.Throw<InvalidOperationException>(() => SqlScripts.Render("select {{ifnull(a, b)}}", Dialect.Sqlite)).Message.ShouldContain("unknown SQL token");
        Should.Throw<InvalidOperationException>(() => SqlScripts.Render("select {{sqlite: limit 5", Dialect.Sqlite)).Message.ShouldContain("not closed");
    }

    [Fact]
    public void No_rendered_script_keeps_a_token_or_the_other_dialect_s_qualifications()
    {
        foreach (var dialect in new[] { Dialect.Sqlite, Dialect.SqlServer })
        {
            var sql = new SqlScripts(dialect);
            foreach (var name in sql.Names("views").Concat(sql.Names("queries")))
            {
                var text = sql.Get(name);
                text.ShouldNotContain("{{", customMessage: $"{dialect} {name}");
                if (dialect == Dialect.Sqlite) text.ShouldNotContain("dbo.", customMessage: name);
            }
        }
    }
}
