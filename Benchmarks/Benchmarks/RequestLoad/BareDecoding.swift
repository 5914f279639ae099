import Foundation

/// The decoder the bare loop uses: configured as PixelClient's own (explicit coding keys, the
/// same ISO-8601 date rule: fractional seconds, then whole seconds, then naive as UTC) and built
/// once per process. PixelClient keeps a last, lenient fallback for odd spellings that never
/// runs for the emulator's timestamps, so it is left out here.
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

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSeconds = Date.ISO8601FormatStyle()

    static func parseISO8601(_ text: String) -> Date? {
        if let date = try? withFraction.parse(text) { return date }
        if let date = try? wholeSeconds.parse(text) { return date }
        if !text.hasSuffix("Z"), !text.contains("+") {
            let utc = text + "Z"
            return (try? withFraction.parse(utc)) ?? (try? wholeSeconds.parse(utc))
        }
        return nil
    }
}
