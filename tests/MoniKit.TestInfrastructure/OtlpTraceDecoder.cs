using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// Reads just enough of an OTLP <c>ExportTraceServiceRequest</c> (protobuf) to list its spans: ids, name, kind,
/// status, scope and the scalar attributes of each span and its resource. Field numbers are those of
/// <c>opentelemetry/proto/trace/v1/trace.proto</c>; everything else is skipped.
/// </summary>
public static class OtlpTraceDecoder
{
    private const int VarintType = 0;
    private const int Fixed64Type = 1;
    private const int BytesType = 2;
    private const int Fixed32Type = 5;

    /// <summary>Every span in the request body, in order.</summary>
    public static IReadOnlyList<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        while (Next(ref request, out var field, out var resourceSpans, out _))
        {
            if (field == 1)
            {
                ReadResourceSpans(resourceSpans, spans);
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> message, List<OtlpSpan> spans)
    {
        var resource = new Dictionary<string, string>();
        var scopes = new List<byte[]>();
        while (Next(ref message, out var field, out var bytes, out _))
        {
            if (field == 1)
            {
                ReadAttributes(bytes, 1, resource);
            }
            else if (field == 2)
            {
                scopes.Add(bytes.ToArray());
            }
        }

        foreach (var scopeSpans in scopes)
        {
            ReadScopeSpans(scopeSpans, resource, spans);
        }
    }

    private static void ReadScopeSpans(ReadOnlySpan<byte> message, Dictionary<string, string> resource, List<OtlpSpan> spans)
    {
        var scope = string.Empty;
        var pending = new List<byte[]>();
        while (Next(ref message, out var field, out var bytes, out _))
        {
            if (field == 1)
            {
                var scopeMessage = bytes;
                while (Next(ref scopeMessage, out var scopeField, out var name, out _))
                {
                    scope = scopeField == 1 ? Encoding.UTF8.GetString(name) : scope;
                }
            }
            else if (field == 2)
            {
                pending.Add(bytes.ToArray());
            }
        }

        foreach (var span in pending)
        {
            spans.Add(ReadSpan(span, scope, resource));
        }
    }

    private static OtlpSpan ReadSpan(ReadOnlySpan<byte> message, string scope, Dictionary<string, string> resource)
    {
        string traceId = string.Empty, spanId = string.Empty, name = string.Empty;
        string? parent = null;
        int kind = 0, status = 0;
        var attributes = new Dictionary<string, string>();
        while (Next(ref message, out var field, out var bytes, out var number))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(bytes); break;
                case 2: spanId = Convert.ToHexStringLower(bytes); break;
                case 4: parent = bytes.IsEmpty ? null : Convert.ToHexStringLower(bytes); break;
                case 5: name = Encoding.UTF8.GetString(bytes); break;
                case 6: kind = (int)number; break;
                case 9: ReadAttribute(bytes, attributes); break;
                case 15: status = ReadStatusCode(bytes); break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, kind, status, scope, attributes, resource);
    }

    private static int ReadStatusCode(ReadOnlySpan<byte> message)
    {
        var code = 0;
        while (Next(ref message, out var field, out _, out var number))
        {
            code = field == 3 ? (int)number : code;
        }

        return code;
    }

    private static void ReadAttributes(ReadOnlySpan<byte> message, int attributesField, Dictionary<string, string> into)
    {
        while (Next(ref message, out var field, out var bytes, out _))
        {
            if (field == attributesField)
            {
                ReadAttribute(bytes, into);
            }
        }
    }

    // KeyValue { string key = 1; AnyValue value = 2; }, AnyValue { string = 1; bool = 2; int64 = 3; double = 4; ... }
    private static void ReadAttribute(ReadOnlySpan<byte> keyValue, Dictionary<string, string> into)
    {
        string? key = null, text = null;
        while (Next(ref keyValue, out var field, out var bytes, out _))
        {
            if (field == 1)
            {
                key = Encoding.UTF8.GetString(bytes);
            }
            else if (field == 2)
            {
                var value = bytes;
                while (Next(ref value, out var kind, out var valueBytes, out var number))
                {
                    text = kind switch
                    {
                        1 => Encoding.UTF8.GetString(valueBytes),
                        2 => number != 0 ? "true" : "false",
                        3 => ((long)number).ToString(CultureInfo.InvariantCulture),
                        4 => BitConverter.Int64BitsToDouble((long)number).ToString(CultureInfo.InvariantCulture),
                        _ => text,
                    };
                }
            }
        }

        if (key is not null && text is not null)
        {
            into[key] = text;
        }
    }

    /// <summary>Reads one field: a length-delimited one into <paramref name="bytes"/>, any other into <paramref name="number"/>.</summary>
    private static bool Next(ref ReadOnlySpan<byte> data, out int field, out ReadOnlySpan<byte> bytes, out ulong number)
    {
        bytes = default;
        number = 0;
        field = 0;
        if (data.IsEmpty)
        {
            return false;
        }

        var key = ReadVarint(ref data);
        field = (int)(key >> 3);
        switch ((int)(key & 7))
        {
            case VarintType:
                number = ReadVarint(ref data);
                break;
            case Fixed64Type:
                number = BinaryPrimitives.ReadUInt64LittleEndian(data);
                data = data[8..];
                break;
            case BytesType:
                var length = checked((int)ReadVarint(ref data));
                bytes = data[..length];
                data = data[length..];
                break;
            case Fixed32Type:
                number = BinaryPrimitives.ReadUInt32LittleEndian(data);
                data = data[4..];
                break;
            default:
                throw new FormatException($"Unsupported protobuf wire type in field {field}");
        }

        return true;
    }

    private static ulong ReadVarint(ref ReadOnlySpan<byte> data)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[0];
            data = data[1..];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("A protobuf varint is longer than 10 bytes");
    }
}
