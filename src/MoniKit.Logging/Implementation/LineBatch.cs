using System.Runtime.CompilerServices;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Whole lines for one destination (UTF-8 bytes for a file, characters for the console), handed from the rendering
/// thread to the destination's own writer in one piece.
/// </summary>
internal sealed class LineBatch<T>
    where T : unmanaged
{
    /// <summary>
    /// The buffer's size in bytes: below the large object heap's 85,000, so that a buffer is cheap to allocate and to
    /// collect.
    /// </summary>
    public const int CapacityBytes = 64 * 1024;

    /// <summary>
    /// A batch this large is handed off at once (<see cref="IsFull"/>): a burst reaches the disk in pieces of about this
    /// size, and the buffer keeps room for one more line of up to 16 KB without growing.
    /// </summary>
    public const int HandOffBytes = CapacityBytes - (16 * 1024);

    private static readonly int Capacity = CapacityBytes / Unsafe.SizeOf<T>();

    private T[] _buffer = new T[Capacity];

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

    /// <summary>Whether it holds more than <see cref="HandOffBytes"/> and should be handed off now.</summary>
    public bool IsFull => Length * Unsafe.SizeOf<T>() > HandOffBytes;

    /// <summary>Whether the buffer grew (for a line too long to fit): it is not kept for reuse, so that an idle service holds no large buffers.</summary>
    public bool IsOversized => _buffer.Length > Capacity;
}
