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

    public ChildPseudonymiser(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    public long KeyFor(string laCode, string localIdentifier)
    {
        Span<byte> hash = stackalloc byte[32];
        var input = Encoding.UTF8.GetBytes($"{laCode}\u001f{localIdentifier.Trim()}");
        HMACSHA256.HashData(_key, input, hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
