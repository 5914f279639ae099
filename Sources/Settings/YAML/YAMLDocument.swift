import CYAML

/// The YAML reader: libyaml's event API turned into a ``YAMLNode`` tree, with no type guessing.
///
/// Scalars stay text with their style (`NO`, `012345`, `1.10` and `on` are just text; the field
/// they are read into decides what they mean). Hostile or broken input yields a located
/// ``SettingsFileError`` and never crashes or exhausts memory.
///
/// ```swift
/// let root = try YAMLDocument.parse(Array("pixel:\n  tenant: acme\n".utf8), file: "pixel.yaml")
/// let tenant = root?.value(forKey: "pixel")?.value(forKey: "tenant")
/// print(tenant?.scalarText ?? "-", tenant?.location ?? "")   // acme pixel.yaml:2:11
/// ```
///
/// Accepted: one document (an optional `---` start and `...` end), block and flow styles,
/// comments, anchors and aliases (an alias yields a copy of the anchored node), explicit tags
/// (kept in ``YAMLNode/tag``). `<<` merge keys are YAML 1.1 and are not applied: `<<` is an ordinary
/// key. Mapping keys must be scalars and unique.
public enum YAMLDocument {
    /// Parses one YAML document from UTF-8 bytes.
    ///
    /// - Returns: the root node, or `nil` when there is no content: empty input, only comments, or
    ///   a root that is null (`~`, `null`, an empty document).
    /// - Throws: ``SettingsFileError`` (format `.yaml`) with line:column for syntax errors, more
    ///   than one document, invalid UTF-8, duplicate keys (`location` = the second occurrence,
    ///   `relatedLocation` = the first), non-scalar keys, nesting beyond `limits.maxDepth`, alias
    ///   expansion beyond `limits.maxNodes`, unknown or recursive aliases, and input larger than
    ///   `limits.maxBytes`.
    public static func parse(
        _ bytes: [UInt8],
        file: String? = nil,
        limits: YAMLLimits = YAMLLimits()
    ) throws(SettingsFileError) -> YAMLNode? {
        guard bytes.count <= limits.maxBytes else {
            throw SettingsFileError(
                format: .yaml,
                message: "the file is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        guard !bytes.isEmpty else { return nil }
        let root = try bytes.withUnsafeBufferPointer { buffer throws(SettingsFileError) -> YAMLNode? in
            try parse(buffer, file: file, limits: limits)
        }
        guard let root, !root.isNull else { return nil }
        return root
    }

    /// Parses one YAML document from text; see the byte-array `parse(_:file:limits:)`.
    public static func parse(
        _ text: String,
        file: String? = nil,
        limits: YAMLLimits = YAMLLimits()
    ) throws(SettingsFileError) -> YAMLNode? {
        try parse(Array(text.utf8), file: file, limits: limits)
    }

    /// Parses and requires the root to be a mapping, as a settings file's root must be.
    ///
    /// - Returns: the root mapping node, or `nil` when the document has no content.
    /// - Throws: everything the byte-array `parse(_:file:limits:)` throws, and a located error
    ///   when the root is a scalar or a sequence.
    public static func parseMapping(
        _ bytes: [UInt8],
        file: String? = nil,
        limits: YAMLLimits = YAMLLimits()
    ) throws(SettingsFileError) -> YAMLNode? {
        guard let root = try parse(bytes, file: file, limits: limits) else { return nil }
        _ = try root.requireMapping(what: "the document root")
        return root
    }

    /// Runs libyaml over `buffer`, which stays valid for the whole parse.
    private static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>,
        file: String?,
        limits: YAMLLimits
    ) throws(SettingsFileError) -> YAMLNode? {
        // libyaml skips a UTF-8 byte order mark only when it detects the encoding itself, and we
        // force UTF-8 (so UTF-16 input is an error, not a guess): drop the mark here.
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let skipped = buffer.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let text = UnsafeBufferPointer(rebasing: buffer[skipped...])
        guard let base = text.baseAddress, !text.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw LibYAMLError.outOfMemory(file: file)
        }
        defer { yaml_parser_delete(parser) }
        // Settings files are UTF-8; forcing it makes libyaml report bad bytes instead of guessing
        // an encoding.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, text.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        // libyaml puts the end of a stream that lacks a final line break on a line that does not
        // exist (an empty value at the very end sits there); such places are named as the end of
        // the last line instead. Only those files pay for finding where that is.
        let endsWithLineBreak = text.last == 0x0A || text.last == 0x0D
        let end = endsWithLineBreak ? nil : SourceLocation(ofByte: text.count, in: text, file: file)
        var builder = YAMLTreeBuilder(file: file, limits: limits, endOfUnterminatedInput: end)
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                throw LibYAMLError.from(parser.pointee, input: text, skippedBytes: skipped, file: file)
            }
            defer { yaml_event_delete(event) }
            if try builder.consume(event.pointee) == .finished { break }
        }
        return builder.root
    }
}
