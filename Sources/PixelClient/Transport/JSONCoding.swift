package import Foundation

/// The JSON conventions of the Pixel API: explicit coding keys, ISO-8601 dates, compact output.
package enum PixelJSON {
    /// The encoder every request body goes through. Encoders and decoders are thread-safe and
    /// these are never reconfigured, so one of each serves every call.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .useDefaultKeys  // explicit CodingKeys: a strategy would also rewrite free-form dictionary keys
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The decoder every response goes through.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .useDefaultKeys
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = parseISO8601(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an ISO-8601 date: \(text)")
        }
        return decoder
    }()

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSeconds = Date.ISO8601FormatStyle()

    /// Accepts `2023-01-01T00:00:00Z`, fractional seconds (kept to the microsecond), offsets and
    /// naive timestamps (taken as UTC).
    package static func parseISO8601(_ text: String) -> Date? {
        if let date = try? withFraction.parse(text) { return date }
        if let date = try? wholeSeconds.parse(text) { return date }
        if !text.hasSuffix("Z"), !text.contains("+") {
            let utc = text + "Z"
            if let date = (try? withFraction.parse(utc)) ?? (try? wholeSeconds.parse(utc)) { return date }
        }
        return parseLeniently(text)
    }

    /// What the format styles refuse but `ISO8601DateFormatter` takes (surrounding whitespace, a
    /// space before the zone). About 300 times slower, so only the last resort.
    private static func parseLeniently(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }
}

extension JSONDecoder {
    /// A decoder for Keycloak's snake_case token responses.
    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
