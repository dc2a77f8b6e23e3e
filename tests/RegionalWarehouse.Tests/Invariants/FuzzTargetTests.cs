using CsCheck;
using RegionalWarehouse.Fuzz;

namespace RegionalWarehouse.Tests.Invariants;

/// <summary>
/// The fuzz targets afl++ runs (ops/fuzz.sh), here on their seed corpus and on a bounded sample of mutations of it:
/// bytes flipped, cut short, repeated and spliced. No input may escape a parser as an exception.
/// </summary>
public class FuzzTargetTests
{
    private static readonly string Corpus = Path.Combine(Azurite.RepositoryRoot(), "tests", "fuzz", "corpus");

    public static TheoryData<string> Targets() => new(FuzzTargets.All.Keys);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_parses_without_an_exception(string target)
    {
        var seeds = Directory.GetFiles(Path.Combine(Corpus, target));

        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            using var input = File.OpenRead(seed);
            FuzzTargets.Run(target, input);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void No_mutation_of_a_seed_escapes_the_parser_as_an_exception(string target)
    {
        var seeds = Directory.GetFiles(Path.Combine(Corpus, target)).Select(File.ReadAllBytes).ToArray();
        var mutations =
            from seed in Gen.Int[0, seeds.Length - 1].Select(i => seeds[i])
            from kind in Gen.Int[0, 4]
            from at in Gen.Int[0, seed.Length - 1]
            from length in Gen.Int[1, 64]
            from value in Gen.Byte
            select Mutate(seed, kind, at, length, value);

        mutations.Sample(bytes =>
        {
            using var input = new MemoryStream(bytes);
            FuzzTargets.Run(target, input);
        }, iter: 60, threads: 1);
    }

    /// <summary>afl's usual havoc, in five kinds: flip, overwrite, cut, repeat, splice a copy of itself.</summary>
    private static byte[] Mutate(byte[] seed, int kind, int at, int length, byte value)
    {
        var end = Math.Min(seed.Length, at + length);
        return kind switch
        {
            0 => seed.Select((b, i) => i == at ? (byte)(b ^ (1 << (value % 8))) : b).ToArray(),
            1 => seed.Select((b, i) => i >= at && i < end ? value : b).ToArray(),
            2 => seed[..at],
            3 => [.. seed[..end], .. Enumerable.Repeat(seed[at..end], 200).SelectMany(b => b), .. seed[end..]],
            _ => [.. seed[..at], .. seed, .. seed[at..]],
        };
    }
}
