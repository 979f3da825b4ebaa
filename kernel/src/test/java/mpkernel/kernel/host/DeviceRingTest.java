package mpkernel.kernel.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mpkernel.unsafezone.virtio.RingLayout;
import mpkernel.unsafezone.virtio.VirtioNet;
import org.junit.jupiter.api.Test;

/**
 * The device and the driver read the virtio specification separately, as on a real bus; here
 * they must agree on every offset, or the console would garble every frame and the network
 * every packet.
 */
class DeviceRingTest {

    @Test
    void theDeviceAndTheDriverAgreeOnTheQueue() {
        for (int size : new int[] {1, 2, 8, 64, 256, 32768}) {
            DeviceRing device = new DeviceRing(size);
            RingLayout driver = new RingLayout(size);
            assertEquals(driver.bytes(), device.bytes(), "size " + size);
            assertEquals(driver.availIdx(), device.availIdx(), "size " + size);
            assertEquals(driver.usedIdx(), device.usedIdx(), "size " + size);
            for (int i : new int[] {0, size / 2, size - 1}) {
                assertEquals(driver.desc(i), device.descAddr(i));
                assertEquals(driver.desc(i) + 8, device.descLen(i));
                assertEquals(driver.desc(i) + 12, device.descFlags(i));
                assertEquals(driver.availRing(i), device.availRing(i));
                assertEquals(driver.usedRing(i), device.usedId(i));
                assertEquals(driver.usedRing(i) + 4, device.usedLen(i));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new DeviceRing(6));
    }

    @Test
    void theNetDeviceAndTheNetDriverAgreeOnTheBuffers() {
        assertEquals(VirtioNet.HEADER, NetDevice.HEADER, "the virtio_net_hdr before each frame");
        assertEquals(VirtioNet.DESC_WRITE, NetDevice.DESC_F_WRITE);
        assertEquals(VirtioNet.ringBytes(256), NetDevice.ringBytes(256));
        assertTrue(VirtioNet.BUFFER <= NetDevice.MAX_TRANSMIT, "the device takes every transmit buffer the driver fills");
    }
}
