using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RegionalWarehouse.Etl.Privacy;

/// <summary>
/// Replaces an LA's own child (or family) identifier with a keyed HMAC-SHA256 of (LA code, identifier).
/// The same child in the same LA gets the same key every year; without the key it cannot be reversed
/// or recomputed. The first 8 bytes become a 64-bit integer so Power BI relationships use integer keys
/// (a collision needs ~4 billion children in one table).
/// </summary>
public sealed class ChildPseudonymiser
{
    private readonly byte[] _key;

    /// <summary>Keys already computed, in a pseudonymiser for one submission only (see <see cref="ForOneSubmission"/>).</summary>
    private readonly Dictionary<string, long>? _computed;

    public ChildPseudonymiser(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    private ChildPseudonymiser(byte[] key, Dictionary<string, long> computed) => (_key, _computed) = (key, computed);

    /// <summary>
    /// The same keys, each computed once: the checks against last year's return and the loader ask for the same
    /// child's key many times (an HMAC each was a quarter of a national load's time). It remembers only this
    /// submission's identifiers and is used by one thread; the shared pseudonymiser stays stateless.
    /// </summary>
    public ChildPseudonymiser ForOneSubmission() => new(_key, new Dictionary<string, long>(StringComparer.Ordinal));

    public long KeyFor(string laCode, string localIdentifier) => Hash($"{laCode}\u001f{localIdentifier.Trim()}");

    /// <summary>
    /// A social worker's key (the 903's SW_ID is the LA's own staff identifier): the same HMAC over a differently
    /// tagged input, so a worker's key can never equal a child's.
    /// </summary>
    public long SocialWorkerKeyFor(string laCode, string socialWorkerId) => Hash($"sw\u001f{laCode}\u001f{socialWorkerId.Trim()}");

    /// <summary>A UPN's key, tagged apart from children's and workers' keys: next year's return can be checked for the same UPN.</summary>
    public long UpnKeyFor(string laCode, string upn) => Hash($"upn\u001f{laCode}\u001f{upn.Trim().ToUpperInvariant()}");

    private long Hash(string text)
    {
        if (_computed is null)
            return Compute(text);
        if (!_computed.TryGetValue(text, out var key))
            _computed[text] = key = Compute(text);
        return key;
    }

    private long Compute(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        var input = Encoding.UTF8.GetBytes(text);
        HMACSHA256.HashData(_key, input, hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
