using System.Text;

namespace Tradewire.Classifier.Tests.Sentiment;

/// <summary>
/// Writes a tiny FinBERT-shaped ONNX model as raw protobuf bytes (no onnx package needed): a bag of token
/// embeddings. logits[1,3] = ReduceSum over tokens of Gather(embedding[V,3], input_ids) x attention_mask.
/// Opset 13, IR version 7. Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, ...).
/// </summary>
static class TinyOnnxModel
{
    public static byte[] Build(float[,] embedding, bool withTokenTypeIds = false)
    {
        var vocab = embedding.GetLength(0);
        var graph = new Proto()
            .Message(1, Node("gather", "Gather", ["embedding", "input_ids"], ["embedded"], []))
            .Message(1, Node("cast", "Cast", ["attention_mask"], ["mask"], [IntAttribute("to", 1)]))
            .Message(1, Node("unsqueeze", "Unsqueeze", ["mask", "axis2"], ["mask3"], []))
            .Message(1, Node("mul", "Mul", ["embedded", "mask3"], ["masked"], []))
            .Message(1, Node("sum", "ReduceSum", ["masked", "axis1"], ["logits"], [IntAttribute("keepdims", 0)]))
            .String(2, "tiny_bag_of_embeddings")
            .Message(5, FloatTensor("embedding", [vocab, 3], embedding.Cast<float>().ToArray()))
            .Message(5, Int64Tensor("axis1", [1], [1]))
            .Message(5, Int64Tensor("axis2", [1], [2]))
            .Message(11, Input("input_ids", 7))
            .Message(11, Input("attention_mask", 7));
        if (withTokenTypeIds)
            graph.Message(11, Input("token_type_ids", 7));
        graph.Message(12, new Proto().String(1, "logits").Message(2, TensorType(1, Dim(1), Dim(3))));

        return new Proto()
            .Varint(1, 7)                                   // ir_version
            .String(2, "tradewire-tests")                   // producer_name
            .Message(7, graph)
            .Message(8, new Proto().Varint(2, 13))          // opset_import { version: 13 } (default domain)
            .ToArray();
    }

    static Proto Node(string name, string op, string[] inputs, string[] outputs, Proto[] attributes)
    {
        var node = new Proto();
        foreach (var i in inputs) node.String(1, i);
        foreach (var o in outputs) node.String(2, o);
        node.String(3, name).String(4, op);
        foreach (var a in attributes) node.Message(5, a);
        return node;
    }

    static Proto IntAttribute(string name, long value) => new Proto().String(1, name).Varint(3, value).Varint(20, 2); // type INT

    static Proto FloatTensor(string name, long[] dims, float[] values)
    {
        var t = new Proto();
        foreach (var d in dims) t.Varint(1, d);
        return t.Varint(2, 1).String(8, name).Bytes(9, values.SelectMany(BitConverter.GetBytes).ToArray()); // FLOAT, raw_data LE
    }

    static Proto Int64Tensor(string name, long[] dims, long[] values)
    {
        var t = new Proto();
        foreach (var d in dims) t.Varint(1, d);
        return t.Varint(2, 7).String(8, name).Bytes(9, values.SelectMany(BitConverter.GetBytes).ToArray()); // INT64
    }

    // batch fixed at 1, sequence length symbolic
    static Proto Input(string name, int elemType) =>
        new Proto().String(1, name).Message(2, TensorType(elemType, Dim(1), new Proto().String(2, "sequence")));

    static Proto TensorType(int elemType, params Proto[] dims)
    {
        var shape = new Proto();
        foreach (var d in dims) shape.Message(1, d);
        return new Proto().Message(1, new Proto().Varint(1, elemType).Message(2, shape));
    }

    static Proto Dim(long value) => new Proto().Varint(1, value);

    /// <summary>Just enough of the protobuf wire format: varint (type 0) and length-delimited (type 2) fields.</summary>
    sealed class Proto
    {
        readonly MemoryStream bytes = new();

        public Proto Varint(int field, long value) { Key(field, 0); Raw((ulong)value); return this; }
        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));
        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public Proto Bytes(int field, byte[] value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => bytes.ToArray();

        void Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            bytes.WriteByte((byte)value);
        }
    }
}
