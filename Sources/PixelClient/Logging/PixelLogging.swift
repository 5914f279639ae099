public import Logging

extension Logger {
    /// A logger that drops everything: the default of every PixelClient, so the library is silent
    /// unless the application passes its own `Logger` (swift-log best practice 003).
    public static var pixelSilent: Logger {
        Logger(label: "no.geodatapixel.client", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}
