/// Finds where a settings file stops being UTF-8, so that the error can point at the place.
///
/// Settings files must be UTF-8: python-dotenv refuses anything else, and so does libyaml when the
/// encoding is forced. Decoding with replacement characters would silently change a user name or
/// a password, so both readers report the first bad byte instead.
enum InvalidUTF8 {
    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and code points above U+10FFFF included), or `nil` when there is none.
    static func firstOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The error for a file whose bytes are not UTF-8 at `offset` of `text` (the bytes after any
    /// byte order mark); `skippedBytes` counts the mark, so the reported offset is the file's.
    /// The message names the place, never the bytes: they may belong to a password.
    static func error(
        format: SettingsFileError.Format, detail: String, offset: Int, in text: UnsafeBufferPointer<UInt8>, skippedBytes: Int,
        file: String?
    ) -> SettingsFileError {
        SettingsFileError(
            format: format,
            message: "the file is not valid UTF-8 (\(detail) at byte offset \(offset + skippedBytes)); settings files must be UTF-8",
            location: SourceLocation(ofByte: offset, in: text, file: file))
    }
}
