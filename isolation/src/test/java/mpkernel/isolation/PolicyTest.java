package mpkernel.isolation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static mpkernel.isolation.Domain.SAFE_KERNEL;
import static mpkernel.isolation.Domain.UNSAFE_KERNEL;
import static mpkernel.isolation.Domain.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {

    private final Policy paper = Policy.paper(1 << 20, 1 << 20);
    private final Map<Domain, Integer> keys = Map.of(SAFE_KERNEL, 1, UNSAFE_KERNEL, 2, USER, 3);

    @Test
    void paperMatrix() {
        assertEquals(Access.READ_WRITE, paper.access(SAFE_KERNEL, SAFE_KERNEL));
        assertEquals(Access.READ_WRITE, paper.access(SAFE_KERNEL, UNSAFE_KERNEL));
        assertEquals(Access.READ_WRITE, paper.access(SAFE_KERNEL, USER));
        assertEquals(Access.NONE, paper.access(UNSAFE_KERNEL, SAFE_KERNEL));
        assertEquals(Access.READ_WRITE, paper.access(UNSAFE_KERNEL, UNSAFE_KERNEL));
        assertEquals(Access.READ_WRITE, paper.access(UNSAFE_KERNEL, USER));
        assertEquals(Access.NONE, paper.access(USER, SAFE_KERNEL));
        assertEquals(Access.NONE, paper.access(USER, UNSAFE_KERNEL));
        assertEquals(Access.READ_WRITE, paper.access(USER, USER));
    }

    @Test
    void pkruOfEachPaperDomain() {
        // keys 1..3 belong to the policy; 4..15 belong to no domain and are denied to all
        assertEquals(0xFFFF_FF00, paper.pkru(SAFE_KERNEL, keys::get).value());
        // the unsafe kernel loses key 1 as well: the artifact's isolation_start value, 0xC
        assertEquals(0xFFFF_FF00 | 0xC, paper.pkru(UNSAFE_KERNEL, keys::get).value());
        // the user loses keys 1 and 2 and keeps its own key 3
        assertEquals(0xFFFF_FF00 | 0x3C, paper.pkru(USER, keys::get).value());
    }

    @Test
    void keysNoDomainOwnsAreDeniedToEveryDomain() {
        for (Domain d : paper.domains()) {
            Pkru pkru = paper.pkru(d, keys::get);
            for (int key = 4; key < Pkru.KEYS; key++) {
                assertEquals(Access.NONE, pkru.access(key), d + " key " + key);
            }
        }
        assertEquals(Access.NONE, Pkru.DENY_ALL.access(1));
        assertEquals(Access.READ_WRITE, Pkru.DENY_ALL.access(0));
    }

    @Test
    void artifactLayoutGivesTheArtifactUserValue() {
        // In the artifact the user runs on key 0 and the kernel owns keys 1..3; the same policy
        // shape here yields its 0xfc.
        Domain stacks = new Domain("KERNEL_STACKS");
        Policy artifact = Policy.builder()
                .domain(SAFE_KERNEL, 4096).domain(UNSAFE_KERNEL, 4096).domain(stacks, 4096).domain(USER, 4096)
                .grant(SAFE_KERNEL, Access.READ_WRITE, UNSAFE_KERNEL, stacks, USER)
                .build();
        Map<Domain, Integer> k = Map.of(SAFE_KERNEL, 1, UNSAFE_KERNEL, 2, stacks, 3, USER, 0);
        // the artifact's value in the low byte; the keys the artifact leaves open are denied here
        assertEquals(0xfc, artifact.pkru(USER, k::get).value() & 0xff);
        assertEquals(0xFFFF_FFFC, artifact.pkru(USER, k::get).value());
    }

    @Test
    void readOnlyGrantSetsOnlyWriteDisable() {
        Policy p = paper.toBuilder().grant(USER, Access.READ_ONLY, UNSAFE_KERNEL).build();
        Pkru user = p.pkru(USER, keys::get);
        assertEquals(Access.READ_ONLY, user.access(2));
        assertEquals(Access.NONE, user.access(1));
        assertEquals(0xFFFF_FF00 | 0b1100 | 0b100000, user.value());
    }

    @Test
    void keyZeroIsNeverTouched() {
        for (Domain d : paper.domains()) {
            assertEquals(Access.READ_WRITE, paper.pkru(d, keys::get).access(0));
        }
    }

    @Test
    void budgetOfFifteenPinnedDomainsNamesTheDeclaredOnesAndTheWayOut() {
        Policy.Builder b = Policy.builder();
        for (int i = 0; i < Policy.MAX_PINNED; i++) {
            b.domain(new Domain("D" + i), 4096);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> b.domain(new Domain("EXTRA"), 4096));
        assertTrue(e.getMessage().contains("D14"), e.getMessage());
        assertTrue(e.getMessage().contains("virtualDomain"), e.getMessage());
    }

    @Test
    void rejectsMistakes() {
        assertThrows(IllegalArgumentException.class, () -> new Domain("lower"));
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().domain(USER, 0));
        assertThrows(IllegalArgumentException.class, () -> Policy.builder().domain(USER, 1).domain(USER, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Policy.builder().domain(USER, 1).grant(USER, Access.READ_WRITE, SAFE_KERNEL).build());
        assertThrows(IllegalArgumentException.class,
                () -> Policy.builder().domain(USER, 1).grant(USER, Access.NONE, USER).build());
        assertThrows(IllegalArgumentException.class, () -> paper.access(USER, new Domain("OTHER")));
        assertThrows(IllegalArgumentException.class, () -> Backend.parse("mpx"));
        assertEquals(Backend.MPROTECT, Backend.parse("MProtect"));
    }
}
