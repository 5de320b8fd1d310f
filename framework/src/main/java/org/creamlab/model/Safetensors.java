package org.creamlab.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, a JSON header of
 * {@code name -> {dtype, shape, data_offsets}}, then raw little-endian data) on the host, so
 * BF16/F16/F32/F64 files load as float32 without DJL's bfloat16 path. Writes are atomic: a temp
 * file in the same folder, then a rename.
 */
public final class Safetensors {

    /** One tensor: data type name ({@code F32}, {@code F16}, {@code BF16}, {@code F64}), shape, values as float32. */
    public record Tensor(String name, String dtype, long[] shape, float[] values) {
        public Tensor {
            long size = 1;
            for (long s : shape) {
                size *= s;
            }
            if (size != values.length) {
                throw new IllegalArgumentException(
                        "tensor " + name + " has " + values.length + " values but shape needs " + size);
            }
            bytesPerValue(dtype);
        }
    }

    /** A header entry: data type, shape and byte range within the data section. */
    public record Entry(String dtype, long[] shape, long begin, long end) {}

    private Safetensors() {}

    /** The header of a file, name to entry, in file order ({@code __metadata__} excluded). */
    public static Map<String, Entry> readHeader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return parseHeader(channel, file).entries;
        }
    }

    /** Every tensor of a file as float32. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = parseHeader(channel, file);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : header.entries.entrySet()) {
                Entry entry = e.getValue();
                long length = entry.end - entry.begin;
                ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, header.dataStart + entry.begin, length)
                        .order(ByteOrder.LITTLE_ENDIAN);
                out.put(e.getKey(), new Tensor(e.getKey(), entry.dtype, entry.shape, decode(entry.dtype, buffer, e.getKey())));
            }
            return out;
        }
    }

    /** Writes tensors (converted to each tensor's dtype) atomically, with optional string metadata. */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", t.dtype());
            JsonArray shape = new JsonArray();
            for (long s : t.shape()) {
                shape.add(s);
            }
            entry.add("shape", shape);
            long bytes = (long) t.values().length * bytesPerValue(t.dtype());
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + bytes);
            entry.add("data_offsets", offsets);
            if (header.has(t.name())) {
                throw new IllegalArgumentException("duplicate tensor name " + t.name());
            }
            header.add(t.name(), entry);
            offset += bytes;
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
                out.write(len.array());
                out.write(json);
                for (int i = json.length; i < padded; i++) {
                    out.write(' ');
                }
                for (Tensor t : tensors) {
                    out.write(encode(t));
                }
            }
            moveAtomically(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code from} onto {@code to}, atomically where the file system allows. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static int bytesPerValue(String dtype) {
        switch (dtype) {
            case "F32":
                return 4;
            case "F16":
            case "BF16":
                return 2;
            case "F64":
                return 8;
            default:
                throw new IllegalArgumentException(
                        "unsupported safetensors dtype " + dtype + " (supported: F32, F16, BF16, F64)");
        }
    }

    private static float[] decode(String dtype, ByteBuffer buffer, String name) {
        int n = buffer.remaining() / bytesPerValue(dtype);
        float[] values = new float[n];
        switch (dtype) {
            case "F32":
                buffer.asFloatBuffer().get(values);
                break;
            case "F16":
                for (int i = 0; i < n; i++) {
                    values[i] = HalfFloats.f16ToFloat(buffer.getShort(2 * i));
                }
                break;
            case "BF16":
                for (int i = 0; i < n; i++) {
                    values[i] = HalfFloats.bf16ToFloat(buffer.getShort(2 * i));
                }
                break;
            case "F64":
                for (int i = 0; i < n; i++) {
                    values[i] = (float) buffer.getDouble(8 * i);
                }
                break;
            default:
                throw new IllegalArgumentException("tensor " + name + " has unsupported dtype " + dtype);
        }
        return values;
    }

    private static byte[] encode(Tensor t) {
        float[] v = t.values();
        ByteBuffer buffer = ByteBuffer.allocate(v.length * bytesPerValue(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case "F32":
                buffer.asFloatBuffer().put(v);
                break;
            case "F16":
                for (float f : v) {
                    buffer.putShort(HalfFloats.floatToF16(f));
                }
                break;
            case "BF16":
                for (float f : v) {
                    buffer.putShort(HalfFloats.floatToBf16(f));
                }
                break;
            case "F64":
                for (float f : v) {
                    buffer.putDouble(f);
                }
                break;
            default:
                throw new IllegalArgumentException("unsupported dtype " + t.dtype());
        }
        return buffer.array();
    }

    private record Header(Map<String, Entry> entries, long dataStart) {}

    private static Header parseHeader(FileChannel channel, Path file) throws IOException {
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lenBuf, 0, file);
        long headerLength = lenBuf.flip().getLong();
        if (headerLength <= 0 || headerLength > 100_000_000L || 8 + headerLength > channel.size()) {
            throw new IOException(file + " is not a safetensors file (header length " + headerLength + ")");
        }
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        readFully(channel, json, 8, file);
        JsonObject root;
        try {
            root = JsonParser.parseString(new String(json.array(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {   // JsonParseException, or not an object
            throw new IOException(file + " is damaged or not a safetensors file: its header is not a JSON object ("
                    + e.getMessage() + ")", e);
        }
        long dataStart = 8 + headerLength;
        long dataLength = channel.size() - dataStart;
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            if (!e.getValue().isJsonObject() || !e.getValue().getAsJsonObject().has("dtype")
                    || !e.getValue().getAsJsonObject().has("shape") || !e.getValue().getAsJsonObject().has("data_offsets")) {
                throw new IOException(file + " is damaged: header entry " + e.getKey() + " lacks dtype, shape or data_offsets");
            }
            JsonObject o = e.getValue().getAsJsonObject();
            String dtype;
            long[] shape;
            long count = 1;
            long begin;
            long end;
            int width;
            try {
                dtype = o.get("dtype").getAsString();
                width = bytesPerValue(dtype);
                JsonArray shapeJson = o.getAsJsonArray("shape");
                shape = new long[shapeJson.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeJson.get(i).getAsLong();
                    count *= shape[i];
                }
                JsonArray offsets = o.getAsJsonArray("data_offsets");
                begin = offsets.get(0).getAsLong();
                end = offsets.get(1).getAsLong();
            } catch (RuntimeException bad) {   // wrong JSON types, an unknown dtype
                throw new IOException(file + " is damaged: header entry " + e.getKey() + " is invalid (" + bad.getMessage() + ")", bad);
            }
            if (end > dataLength && end - begin == count * width) {
                throw new IOException(file + " is truncated: tensor " + e.getKey() + " needs bytes [" + begin + ", " + end
                        + ") of the data section, which holds only " + dataLength + " bytes");
            }
            if (end < begin || end > dataLength || end - begin != count * width) {
                throw new IOException("tensor " + e.getKey() + " in " + file + " has inconsistent data_offsets ["
                        + begin + ", " + end + "] for dtype " + dtype + " and " + count + " values");
            }
            entries.put(e.getKey(), new Entry(dtype, shape, begin, end));
        }
        return new Header(entries, dataStart);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + file);
            }
            at += n;
        }
    }
}
