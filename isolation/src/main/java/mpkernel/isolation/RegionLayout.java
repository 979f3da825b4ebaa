package mpkernel.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each domain's region lies, as a child JVM records it for its parent: the parent maps a
 * fault address from hs_err back to the domain whose memory was touched.
 *
 * <p>Text format, one region a line: {@code region <DOMAIN> <key> 0x<start> 0x<end>}.
 *
 * @param regions the regions, in policy order
 */
public record RegionLayout(List<Region> regions) {

    /** A domain's region: {@code [start, end)}. */
    public record Region(String domain, int key, long start, long end) {
        /** Whether {@code address} is inside. */
        public boolean contains(long address) {
            return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
        }
    }

    public RegionLayout {
        regions = List.copyOf(regions);
    }

    /** The region holding {@code address}, if any. */
    public Optional<Region> find(long address) {
        return regions.stream().filter(r -> r.contains(address)).findFirst();
    }

    /** The region of {@code domain}. */
    public Optional<Region> of(String domain) {
        return regions.stream().filter(r -> r.domain().equals(domain)).findFirst();
    }

    /** The layout as text. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Region r : regions) {
            sb.append(String.format("region %s %d 0x%x 0x%x%n", r.domain(), r.key(), r.start(), r.end()));
        }
        return sb.toString();
    }

    /** Writes the layout to {@code file} atomically (temp file, then rename). */
    public void writeTo(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, format());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Parses {@link #format()}'s output; other lines are ignored. */
    public static RegionLayout parse(String text) {
        List<Region> regions = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5 && f[0].equals("region")) {
                regions.add(new Region(f[1], Integer.parseInt(f[2]),
                        Long.parseUnsignedLong(f[3].substring(2), 16), Long.parseUnsignedLong(f[4].substring(2), 16)));
            }
        }
        return new RegionLayout(regions);
    }

    /** Reads a layout file written by {@link #writeTo}. */
    public static RegionLayout read(Path file) throws IOException {
        return parse(Files.readString(file));
    }
}
