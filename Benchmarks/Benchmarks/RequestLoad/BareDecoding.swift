import Foundation

/// The decoder the bare loop uses: configured as PixelClient's own (explicit coding keys, the
/// same ISO-8601 date rule) and built once per process.
enum BareDecoding {
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .useDefaultKeys
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = parseISO8601(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an ISO-8601 date: \(text)")
        }
        return decoder
    }

    /// Accepts `2023-01-01T00:00:00Z`, fractional seconds, offsets and naive timestamps (taken as UTC).
    static func parseISO8601(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        if !text.hasSuffix("Z"), !text.contains("+") {
            return withFraction.date(from: text + "Z") ?? plain.date(from: text + "Z")
        }
        return nil
    }
}
