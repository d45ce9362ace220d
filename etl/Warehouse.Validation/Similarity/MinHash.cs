namespace Warehouse.Validation.Similarity;

/// <summary>
/// MinHash signatures of shingle sets: for each of <see cref="Size"/> hash functions, the least
/// hash of the set's members. The share of positions where two signatures agree estimates the
/// Jaccard similarity of the sets (|A∩B| / |A∪B|) with a standard error of at most
/// 1/(2√<see cref="Size"/>) ≈ 0.044 (Broder 1997). The hash functions are h_i(x) = a_i·x + b_i
/// over 64-bit integers (odd a_i, upper 32 bits kept), from a fixed seed, so signatures of
/// different runs compare.
/// </summary>
public static class MinHash
{
    /// <summary>Hash functions per signature: 128, read as <see cref="Bands"/> bands of <see cref="Rows"/>.</summary>
    public const int Size = 128;

    /// <summary>
    /// Bands of the locality-sensitive index: two sets become candidates when all rows of one band
    /// agree, with probability 1 − (1 − J^4)^32 for Jaccard J: 0.87 at J = 0.5, 0.9996 at J = 0.7,
    /// 0.05 at J = 0.2 (Leskovec, Rajaraman and Ullman, §3.4).
    /// </summary>
    public const int Bands = 32;

    /// <summary>Signature positions per band.</summary>
    public const int Rows = Size / Bands;

    private static readonly (ulong A, ulong B)[] Functions = Seed();

    /// <summary>The signature of a shingle set (<see cref="ProseShingles.Of"/>): <see cref="Size"/> values; all <see cref="uint.MaxValue"/> for an empty set.</summary>
    public static uint[] Signature(ulong[] shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        foreach (var x in shingles)
        {
            for (var i = 0; i < Size; i++)
            {
                var h = (uint)(((Functions[i].A * x) + Functions[i].B) >> 32);
                if (h < signature[i]) signature[i] = h;
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity of the sets behind two signatures, 0 to 1.</summary>
    public static double Estimate(uint[] a, uint[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var same = 0;
        for (var i = 0; i < Size; i++)
        {
            if (a[i] == b[i]) same++;
        }

        return same / (double)Size;
    }

    /// <summary>The key of band <paramref name="band"/> of a signature, for the index's buckets.</summary>
    public static ulong BandKey(uint[] signature, int band)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var key = 14695981039346656037UL ^ (ulong)band;
        for (var i = band * Rows; i < (band + 1) * Rows; i++) key = (key ^ signature[i]) * 1099511628211UL;
        return key;
    }

    private static (ulong, ulong)[] Seed()
    {
        // SplitMix64 from a fixed seed: a signature computed today compares with one computed next year.
        var state = 20260101UL;
        ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        var functions = new (ulong, ulong)[Size];
        for (var i = 0; i < Size; i++) functions[i] = (Next() | 1UL, Next());
        return functions;
    }
}
