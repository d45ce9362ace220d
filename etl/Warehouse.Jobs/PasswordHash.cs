using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Warehouse.Jobs;

/// <summary>
/// The job dashboard's password as configuration keeps it: PBKDF2-SHA256 with a random salt,
/// written <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64), so that a leaked file does not
/// leak the password.
/// </summary>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 210_000;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool IsHash(string text) => Parse(text) is not null;

    public static bool Verify(string password, string stored)
    {
        if (Parse(stored) is not { } p) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), p.Salt, p.Iterations, HashAlgorithmName.SHA256, p.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(actual, p.Hash);
    }

    private static (int Iterations, byte[] Salt, byte[] Hash)? Parse(string text)
    {
        var parts = text.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 10_000) return null;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var hash = Convert.FromBase64String(parts[3]);
            return salt.Length >= 8 && hash.Length >= 16 ? (n, salt, hash) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
