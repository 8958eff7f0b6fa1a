namespace Tradewire.Integration.Tests.Support;

/// <summary>
/// The protobuf wire format, read forward: a field's number and wire type, then its value. Only what OTLP uses
/// (varint, 64-bit, length-delimited, 32-bit); a truncated or malformed message throws rather than reading past it.
/// </summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    public const int Varint = 0, Fixed64 = 1, Bytes = 2, Fixed32 = 5;
    readonly ReadOnlySpan<byte> _data = data;
    int _position;

    /// <summary>The next field's number and wire type; false at the end of the message.</summary>
    public bool Next(out int field, out int wire)
    {
        field = wire = 0;
        if (_position == _data.Length)
            return false;
        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wire = (int)(tag & 7);
        if (field == 0)
            throw new FormatException($"field number 0 at byte {_position}");
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Take(1)[0];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
        throw new FormatException($"varint longer than 10 bytes at byte {_position}");
    }

    public ulong ReadFixed64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
            throw new FormatException($"length {length} at byte {_position} runs past the end ({_data.Length})");
        return Take((int)length);
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: Take(8); break;
            case Bytes: ReadBytes(); break;
            case Fixed32: Take(4); break;
            default: throw new FormatException($"unsupported wire type {wire} at byte {_position}");
        }
    }

    ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
            throw new FormatException($"message truncated at byte {_position}");
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
