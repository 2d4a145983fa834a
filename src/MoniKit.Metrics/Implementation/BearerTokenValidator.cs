using System.Security.Cryptography;
using System.Text;

namespace MoniKit.Metrics.Implementation;

/// <summary>Checks <c>Authorization: Bearer ...</c> against the configured token in constant time.</summary>
internal sealed class BearerTokenValidator
{
    private readonly byte[]? expectedHash;

    public BearerTokenValidator(MoniKitManagementOptions options)
    {
        var token = options.BearerTokenFile is { } file ? File.ReadAllText(file).Trim() : options.BearerToken?.Trim();
        expectedHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public bool IsAuthorized(string? authorization)
    {
        if (expectedHash is null)
        {
            return true;
        }

        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing first makes the comparison independent of the presented token's length.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization.AsSpan(Scheme.Length).Trim().ToString()));
        return CryptographicOperations.FixedTimeEquals(presented, expectedHash);
    }
}
