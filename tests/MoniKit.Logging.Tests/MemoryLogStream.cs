namespace MoniKit.Logging.Tests;

/// <summary>One open file of a <see cref="MemoryLogFileSystem"/>: a full disk takes part of a write, then fails.</summary>
internal sealed class MemoryLogStream(MemoryLogFileSystem disk, MemoryStream file) : Stream
{
    private long _position = file.Length;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        lock (disk.Gate)
        {
            file.Position = _position;
            var read = file.Read(buffer, offset, count);
            _position += read;
            return read;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => file.Length + offset,
    };

    public override void SetLength(long value)
    {
        lock (disk.Gate)
        {
            if (disk.RefuseCutBack && value < file.Length)
            {
                throw new IOException("Input/output error");
            }

            file.SetLength(value);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (disk.Gate)
        {
            disk.WriteSizes.Add(buffer.Length);
            var free = (int)Math.Clamp(disk.Capacity - disk.Used, 0, buffer.Length);
            file.Position = _position;
            file.Write(buffer[..free]);
            _position += free;
            Monitor.PulseAll(disk.Gate);
            if (free < buffer.Length)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
