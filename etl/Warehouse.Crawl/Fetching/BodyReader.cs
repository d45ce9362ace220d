using System.Buffers;
using System.IO.Compression;

namespace Warehouse.Crawl.Fetching;

/// <summary>
/// Reads a response body within the policy's limits: a Content-Length over the limit is refused before a
/// byte is read, the bytes actually received are counted too (chunked bodies have no Content-Length, and
/// servers lie), and gzip, deflate and br are undone here rather than by the handler, so that the
/// decompressed size is capped and a small "gzip bomb" cannot fill memory.
/// </summary>
internal static class BodyReader
{
    private const int ChunkSize = 81920;

    public static async Task<byte[]> ReadAsync(HttpContent content, RequestState state, CancellationToken ct)
    {
        var limit = state.MaxBodyBytes;
        if (content.Headers.ContentLength is { } declared && declared > limit && !state.TruncateBody)
        {
            throw new FetchException(FetchStatus.Refused, $"the body is {Describe.Size(declared)} (Content-Length), over the limit of {Describe.Size(limit)}");
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var (body, complete) = await ReadAtMostAsync(stream, limit, ct).ConfigureAwait(false);
            if (!complete && !state.TruncateBody)
            {
                throw new FetchException(FetchStatus.Refused, $"the body is over the limit of {Describe.Size(limit)} (counted while reading; no Content-Length said so)");
            }

            // Codings are listed in the order they were applied; they are undone from the last.
            foreach (var coding in content.Headers.ContentEncoding.Reverse())
            {
                body = await DecodeAsync(body, coding.Trim().ToLowerInvariant(), state.Policy.MaxDecompressedBytes, ct).ConfigureAwait(false);
            }

            return body;
        }
    }

    private static async Task<byte[]> DecodeAsync(byte[] body, string coding, long limit, CancellationToken ct)
    {
        if (coding is "identity" or "") return body;
        var decoder = Decoder(body, coding);
        try
        {
            var (decoded, complete) = await ReadAtMostAsync(decoder, limit, ct).ConfigureAwait(false);
            return complete
                ? decoded
                : throw new FetchException(FetchStatus.Refused, $"the {coding} body decompresses to more than the limit of {Describe.Size(limit)} (it is {Describe.Size(body.Length)} compressed)");
        }
        catch (InvalidDataException e)
        {
            throw new FetchException(FetchStatus.Failed, $"the {coding} body cannot be decompressed: {e.Message}");
        }
        finally
        {
            await decoder.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Stream Decoder(byte[] body, string coding)
    {
        var input = new MemoryStream(body, writable: false);
        return coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            // HTTP's deflate is zlib-wrapped, but servers have long sent raw deflate under the same name.
            "deflate" when IsZlib(body) => new ZLibStream(input, CompressionMode.Decompress),
            "deflate" => new DeflateStream(input, CompressionMode.Decompress),
            _ => throw new FetchException(FetchStatus.Failed, $"the body is encoded as '{coding}', which the fetcher did not ask for and cannot decode"),
        };
    }

    /// <summary>A zlib header: compression method 8, and the first two bytes a multiple of 31 (RFC 1950).</summary>
    private static bool IsZlib(byte[] body) => body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;

    /// <summary>Reads up to <paramref name="limit"/> bytes; Complete is false when the stream held more.</summary>
    private static async Task<(byte[] Bytes, bool Complete)> ReadAtMostAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), ct).ConfigureAwait(false);
                if (n == 0) return (output.ToArray(), true);
                var room = limit - output.Length;
                if (n > room)
                {
                    output.Write(chunk, 0, (int)room);
                    return (output.ToArray(), false);
                }

                output.Write(chunk, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
