using System.Data.Common;
using Warehouse.Data;
using Warehouse.Register;

namespace Warehouse.Load;

/// <summary>What <see cref="DerivedTables.RefreshAsync(DbConnection, bool, CancellationToken)"/> recomputed: 雷同 (when asked) and the register.</summary>
public sealed record DerivedSummary(ResemblanceSummary? Resemblance, RegisterSummary Register);

/// <summary>
/// The tables derived from the reports as a whole, kept in step after every change to them: 雷同
/// (<see cref="ResemblanceService"/>, when reports changed) and then the register with its 整改
/// items (<see cref="RegisterService"/>, which reads 雷同; also after a crawl that loaded nothing,
/// since a failed crawl turns 未发布 into 无法核实).
/// </summary>
public sealed class DerivedTables(WarehouseDatabase database, TimeProvider time)
{
    /// <summary>Recomputes on <paramref name="c"/> (no transaction open); <paramref name="reportsChanged"/> false skips 雷同.</summary>
    public async Task<DerivedSummary> RefreshAsync(DbConnection c, bool reportsChanged, CancellationToken ct)
    {
        var resemblance = reportsChanged ? await new ResemblanceService(database, time).RefreshAsync(c, ct) : null;
        var register = await new RegisterService(database, time).RefreshAsync(c, ct);
        return new DerivedSummary(resemblance, register);
    }
}
