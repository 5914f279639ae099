import Crypto
import Foundation

/// Helpers around the base64 MD5 digests the Pixel API uses (`Content-MD5` style, not hex).
enum MD5Digest {
    static func base64(_ digest: Insecure.MD5.Digest) -> String {
        Data(digest).base64EncodedString()
    }

    static func hex(fromBase64 text: String) -> String? {
        guard let data = Data(base64Encoded: text), data.count == 16 else { return nil }
        return data.map { String(format: "%02x", $0) }.joined()
    }

    static func isBase64Digest(_ text: String) -> Bool {
        guard let data = Data(base64Encoded: text) else { return false }
        return data.count == 16
    }
}

/// Unguessable identifiers for tokens and presigned URLs (system CSPRNG, 256 bits, base64url).
enum RandomToken {
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(raw).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// ISO-8601 timestamps for `created_at`/`updated_at`.
enum Timestamp {
    static func now() -> String {
        Date().ISO8601Format()
    }
}
