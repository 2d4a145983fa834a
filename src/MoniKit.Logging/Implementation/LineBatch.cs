namespace MoniKit.Logging.Implementation;

/// <summary>
/// Whole lines for one destination (UTF-8 bytes for a file, characters for the console), handed from the rendering
/// thread to the destination's own writer in one piece.
/// </summary>
internal sealed class LineBatch<T>
    where T : unmanaged
{
    private T[] _buffer = new T[16 * 1024];

    public int Length { get; private set; }

    public int Lines { get; private set; }

    public ReadOnlySpan<T> Content => _buffer.AsSpan(0, Length);

    /// <summary>At least <paramref name="size"/> free elements at the end, to write a line into before <see cref="Commit"/>.</summary>
    public Span<T> Reserve(int size)
    {
        if (Length + size > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(Length + size, _buffer.Length * 2));
        }

        return _buffer.AsSpan(Length);
    }

    /// <summary>Adds the <paramref name="size"/> elements written into <see cref="Reserve"/> as one more line.</summary>
    public void Commit(int size)
    {
        Length += size;
        Lines++;
    }

    /// <summary>Adds part of a line; <see cref="EndLine"/> counts it once it is complete.</summary>
    public void Append(ReadOnlySpan<T> part)
    {
        part.CopyTo(Reserve(part.Length));
        Length += part.Length;
    }

    public void EndLine() => Lines++;

    public void Clear()
    {
        Length = 0;
        Lines = 0;
    }

    /// <summary>Whether the buffer grew so large (one huge line) that keeping it for reuse would waste memory.</summary>
    public bool IsOversized => _buffer.Length > 1024 * 1024;
}
