package dk.mitforlob.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An image as Jib writes it ({@code jib:buildTar}, a Docker archive): the image configuration and
 * every file of every layer, with the names of the entries inside each jar, so a test can say
 * what the image holds without a container engine.
 */
final class ImageArchive {

    /** One file of a layer; {@code jarEntries} lists what a jar holds (empty for other files). */
    record File(String path, char type, int mode, long size, List<String> jarEntries) {
        boolean directory() {
            return type == '5';
        }
    }

    final JsonNode config;
    final List<String> layers;
    final List<File> files;

    private ImageArchive(JsonNode config, List<String> layers, List<File> files) {
        this.config = config;
        this.layers = layers;
        this.files = files;
    }

    static ImageArchive read(Path tar) {
        try (InputStream in = Files.newInputStream(tar)) {
            Map<String, byte[]> outer = new LinkedHashMap<>();
            for (Tar.Entry entry : Tar.read(in)) {
                outer.put(entry.name(), entry.content());
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(outer.get("manifest.json")).get(0);
            JsonNode config = json.readTree(outer.get(manifest.path("Config").asText()));
            List<String> layers = new ArrayList<>();
            List<File> files = new ArrayList<>();
            for (JsonNode layer : manifest.path("Layers")) {
                layers.add(layer.asText());
                try (InputStream layerStream = new GZIPInputStream(new ByteArrayInputStream(outer.get(layer.asText())))) {
                    for (Tar.Entry entry : Tar.read(layerStream)) {
                        String path = "/" + entry.name().replaceFirst("^\\./", "").replaceFirst("/$", "");
                        List<String> inside = path.endsWith(".jar") ? jarEntries(entry.content()) : List.of();
                        files.add(new File(path, entry.type(), entry.mode(), entry.content().length, inside));
                    }
                }
            }
            return new ImageArchive(config, layers, files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image " + tar, e);
        }
    }

    JsonNode containerConfig() {
        return config.path("config");
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        containerConfig().path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        return entrypoint;
    }

    /** Every path in the image, jar entries as {@code /app/libs/x.jar!/a/B.class}. */
    List<String> allPaths() {
        List<String> paths = new ArrayList<>();
        for (File file : files) {
            paths.add(file.path());
            file.jarEntries().forEach(inside -> paths.add(file.path() + "!/" + inside));
        }
        return paths;
    }

    private static List<String> jarEntries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
