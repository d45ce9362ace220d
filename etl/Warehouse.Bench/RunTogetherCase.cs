namespace Warehouse.Bench;

/// <summary>
/// The worst case of run-together recovery, parsed over and over: the cells of table 三 read right,
/// left unknown and read wrong, or the rejection.
/// </summary>
public sealed record RunTogetherCase(int Digits, int Cells, double MsPerParse, int Parses, string? Rejection, int Right, int Unknown)
{
    public int Wrong => Cells - Right - Unknown;
}
