import PixelEmulator
import Testing

struct EmulatorModuleTests {
    @Test func moduleLinks() {
        #expect(PixelEmulatorInfo.name == "PixelEmulator")
    }
}
