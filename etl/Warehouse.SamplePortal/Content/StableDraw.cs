using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Warehouse.SamplePortal.Content;

/// <summary>
/// Numbers that depend only on their inputs. string.GetHashCode and an unseeded Random differ from
/// process to process; a sample portal must serve the same URLs and faults on every run.
/// </summary>
internal static class StableDraw
{
    /// <summary>A number in [0, 1) for the key.</summary>
    public static double Unit(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A number in [0, n) for the key.</summary>
    public static int Below(string key, int n) => (int)(Unit(key) * n);

    /// <summary>Lower-case hex of the key's hash, <paramref name="length"/> characters: file names the way CMSs make them.</summary>
    public static string Hex(string key, int length) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..length];
}
