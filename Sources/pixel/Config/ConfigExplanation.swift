import PixelClient
import Settings

/// The human form of a resolution, shared by `pixel config explain` and `pixel demo`: one row
/// per setting (name, value, source, candidates that lost) and the warnings below. Values come
/// from the resolution's display values, so the password only ever appears as `<redacted>`.
///
/// ```
/// SETTING                                 VALUE           SOURCE                          LOST
/// username (PIXEL_USERNAME)               demo@example.com  .env:1:1 (PIXEL_USERNAME)     env KEYCLOAK_USERNAME = old
/// ```
enum ConfigExplanation {
    /// - Parameter concise: leave out settings nobody set and the ignored compatibility switch
    ///   (the demo's short form).
    static func table(_ resolved: ResolvedPixelSettings, concise: Bool = false) -> String {
        var table = TextTable(["setting", "value", "source", "lost"])
        for field in PixelSettings.schema.fields {
            guard let provenance = resolved.provenance[field.name] else { continue }
            if concise, provenance.origin == nil || field.name == PixelSettings.FieldName.noVersionCheck { continue }
            table.append([
                "\(field.name) (\(field.canonicalEnvName))",
                provenance.displayValue ?? "–",
                provenance.origin?.description ?? "unset",
                provenance.overridden.map(\.description).joined(separator: "; "),
            ])
        }
        return table.rendered
    }

    /// `Warnings:` and one line per warning (alias conflicts, deprecated names, did-you-mean), or
    /// `""` when there are none.
    static func warnings(_ resolved: ResolvedPixelSettings) -> String {
        guard !resolved.warnings.isEmpty else { return "" }
        return "Warnings:\n" + resolved.warnings.map { "  - \($0.description)\n" }.joined()
    }

    /// The derived endpoints, which are what a reader usually wants to check.
    static func endpoints(_ settings: PixelSettings) -> String {
        "API base URL:   \(settings.apiBaseURL)\nToken endpoint: \(settings.tokenEndpoint)\n"
    }
}
