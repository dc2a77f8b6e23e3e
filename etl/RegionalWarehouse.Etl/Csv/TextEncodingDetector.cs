using System.Text;

namespace RegionalWarehouse.Etl.Csv;

/// <summary>
/// Case-management exports arrive as UTF-8 (with or without a BOM) or Windows-1252. A file is read as
/// UTF-8 if every byte sequence in it is valid UTF-8, otherwise as Windows-1252. The check streams.
/// </summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static Encoding Detect(Func<Stream> open)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var decoder = strict.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[strict.GetMaxCharCount(bytes.Length)];
        using var stream = open();
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }
    }
}
