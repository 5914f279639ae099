import Foundation
package import NIOCore
import NIOFoundationCompat
package import NIOHTTP1

/// A fully received response.
package struct TransportResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: ByteBuffer

    /// What the server said went wrong: `detail` from a FastAPI-style JSON body (compact JSON
    /// when it is not a string), else the first 300 characters of the body; `nil` when empty.
    package var serverDetail: String? {
        let data = Data(buffer: body)
        guard !data.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            let detail = (object as? [String: Any])?["detail"] ?? object
            if let text = detail as? String { return text }
            if let encoded = try? JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys, .fragmentsAllowed]) {
                return String(decoding: encoded, as: UTF8.self)
            }
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
