import Foundation

/// ISO-8601 timestamps for `created_at`/`updated_at`.
enum Timestamp {
    static func now() -> String {
        Date().ISO8601Format()
    }
}
