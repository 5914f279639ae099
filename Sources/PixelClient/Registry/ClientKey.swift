import Settings

/// What identifies one client in a registry: the settings it signs in with and the options it
/// runs with. Equal keys share one core; a different password, URL, timeout or option is another
/// client.
struct ClientKey: Hashable, Sendable {
    var settings: PixelSettings
    var options: PixelClientOptions
}
