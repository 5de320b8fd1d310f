package org.creamlab.model.kernels;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A parameterless TorchScript module with one {@code forward} method, written as a TorchScript
 * archive in memory and compiled by the libtorch that DJL loaded. This is how creamlab reaches
 * libtorch kernels that DJL's JNI does not expose (fused scaled-dot-product attention, SiLU), with
 * autograd: run under a GradientCollector, the module's ops record their backward like any other
 * op. No Python is involved; the method body is TorchScript source text.
 *
 * <p>The archive holds what {@code torch.jit.save} writes for such a module, less the optional
 * debug tables: {@code data.pkl} (a pickled instance of the class with {@code training = True}),
 * {@code code/__torch__.py} (the class), {@code constants.pkl} (an empty tuple) and
 * {@code version} (file format 3).
 *
 * @param className a Python identifier, the TorchScript class name
 * @param parameters the forward method's parameters after {@code self}, e.g.
 *     {@code "q: Tensor, k: Tensor"}
 * @param body one TorchScript expression of type Tensor, returned by forward
 */
public record TorchScriptModule(String className, String parameters, String body) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TorchScriptModule {
        if (className == null || !IDENTIFIER.matcher(className).matches()) {
            throw new IllegalArgumentException("className must be a Python identifier, got " + className);
        }
        if (parameters == null || body == null || body.isBlank() || body.contains("\n")) {
            throw new IllegalArgumentException("parameters must be given and body must be one expression line");
        }
    }

    /** The class source as stored in {@code code/__torch__.py}. */
    public String source() {
        return String.join("\n",
                "class " + className + "(Module):",
                "  __parameters__ = []",
                "  __buffers__ = []",
                "  training : bool",
                "  def forward(self: __torch__." + className + ", " + parameters + ") -> Tensor:",
                "    return " + body,
                "");
    }

    /** The TorchScript archive (a zip file) as bytes. */
    public byte[] archive() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String root = className.toLowerCase() + "/";
            entry(zip, root + "data.pkl", instancePickle());
            entry(zip, root + "code/__torch__.py", source().getBytes(StandardCharsets.UTF_8));
            entry(zip, root + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            entry(zip, root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Compiles the module in libtorch; the block is owned by {@code manager} and closes with it.
     *
     * @throws IllegalStateException when the engine is not PyTorch or libtorch rejects the source
     */
    public PtSymbolBlock load(NDManager manager) {
        if (!(manager instanceof PtNDManager pt)) {
            throw new IllegalStateException("TorchScript modules need the PyTorch engine, got "
                    + manager.getEngine().getEngineName());
        }
        try {
            return JniUtils.loadModule(pt, new ByteArrayInputStream(archive()), false, false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("libtorch rejected the TorchScript module " + className + ":\n"
                    + source(), e);
        }
    }

    /**
     * Pickle protocol 2 of {@code __torch__.<className>()} with state {@code {"training": True}}:
     * PROTO 2, GLOBAL, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK, BINUNICODE "training", NEWTRUE,
     * SETITEMS, BUILD, STOP.
     */
    private byte[] instancePickle() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(2);
        out.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(')');
        out.write(0x81);
        out.write('}');
        out.write('(');
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        out.write('X');
        out.write(key.length);
        out.write(0);
        out.write(0);
        out.write(0);
        out.writeBytes(key);
        out.write(0x88);
        out.write('u');
        out.write('b');
        out.write('.');
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
