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
