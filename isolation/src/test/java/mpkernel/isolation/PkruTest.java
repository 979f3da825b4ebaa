package mpkernel.isolation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PkruTest {

    @Test
    void bitsPerKeyAreAccessDisableThenWriteDisable() {
        assertEquals(0b01 << 2, Pkru.accessDisableBit(1));
        assertEquals(0b10 << 2, Pkru.writeDisableBit(1));
        assertEquals(1 << 30, Pkru.accessDisableBit(15));
        assertEquals(1 << 31, Pkru.writeDisableBit(15));
    }

    @Test
    void withSetsOnlyTheNamedKey() {
        Pkru p = Pkru.ALL_OPEN.with(3, Access.NONE).with(5, Access.READ_ONLY);
        assertEquals((0b11 << 6) | (0b10 << 10), p.value());
        assertEquals(Access.NONE, p.access(3));
        assertEquals(Access.READ_ONLY, p.access(5));
        assertEquals(Access.READ_WRITE, p.access(4));
        assertEquals(Access.READ_WRITE, p.with(3, Access.READ_WRITE).access(3));
        assertEquals(1 << 10 << 1, p.with(3, Access.READ_WRITE).value());
    }

    @Test
    void accessDisableAloneAlsoMeansNone() {
        assertEquals(Access.NONE, new Pkru(Pkru.accessDisableBit(2)).access(2));
    }

    @Test
    void artifactUserValueDeniesKeysOneToThree() {
        // RustyHermit-MPK leaves the kernel with PKRU = 0xfc: keys 1..3 access- and write-disabled.
        Pkru user = Pkru.ALL_OPEN.with(1, Access.NONE).with(2, Access.NONE).with(3, Access.NONE);
        assertEquals(0xfc, user.value());
        assertEquals("0x000000fc", user.toString());
    }

    @Test
    void artifactIsolationStartOrsInOxCForKeyOne() {
        // isolation_start!: RDPKRU, OR in AD|WD of the safe key (key 1), WRPKRU.
        int kernel = Pkru.ALL_OPEN.value();
        int unsafe = kernel | Pkru.accessDisableBit(1) | Pkru.writeDisableBit(1);
        assertEquals(0xC, unsafe);
        assertEquals(new Pkru(0xC), Pkru.ALL_OPEN.with(1, Access.NONE));
    }

    @Test
    void rejectsKeysOutsideTheRegister() {
        assertThrows(IllegalArgumentException.class, () -> Pkru.ALL_OPEN.with(16, Access.NONE));
        assertThrows(IllegalArgumentException.class, () -> Pkru.ALL_OPEN.access(-1));
    }
}
