/// Placeholder; the emulator lands with its issue.
public enum PixelEmulatorInfo {
    /// Module marker.
    public static let name = "PixelEmulator"
}
