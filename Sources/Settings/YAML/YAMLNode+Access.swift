extension YAMLNode {
    /// `"scalar"`, `"mapping"` or `"sequence"`, for messages.
    public var kindName: String {
        switch kind {
        case .scalar: "scalar"
        case .mapping: "mapping"
        case .sequence: "sequence"
        }
    }

    /// The text of a scalar node, `nil` for collections.
    ///
    /// ```swift
    /// let node = try YAMLDocument.parse("port: 012345")?.value(forKey: "port")
    /// node?.scalarText // "012345", never an octal number
    /// ```
    public var scalarText: String? {
        guard case .scalar(let text, _) = kind else { return nil }
        return text
    }

    /// The scalar's style, `nil` for collections.
    public var scalarStyle: ScalarStyle? {
        guard case .scalar(_, let style) = kind else { return nil }
        return style
    }

    /// The entries of a mapping node in document order, `nil` for other kinds.
    public var entries: [Entry]? {
        guard case .mapping(let entries) = kind else { return nil }
        return entries
    }

    /// The items of a sequence node, `nil` for other kinds.
    public var items: [YAMLNode]? {
        guard case .sequence(let items) = kind else { return nil }
        return items
    }

    /// The value stored under a scalar key of a mapping node (keys are unique after parsing).
    ///
    /// ```swift
    /// let root = try YAMLDocument.parse("pixel:\n  env: prod\n")
    /// root?.value(forKey: "pixel")?.value(forKey: "env")?.scalarText // "prod"
    /// ```
    public func value(forKey key: String) -> YAMLNode? {
        entries?.first { $0.key.scalarText == key }?.value
    }

    /// The entries of a mapping node, or a located error naming what was found instead.
    ///
    /// ```swift
    /// guard let root = try YAMLDocument.parse(bytes, file: "pixel.yaml") else { return }
    /// let entries = try root.requireMapping(what: "the document root")
    /// // pixel.yaml:1:1: the document root must be a mapping (key: value lines), not a sequence
    /// ```
    public func requireMapping(what: String) throws(SettingsFileError) -> [Entry] {
        guard let entries else {
            throw SettingsFileError(
                format: .yaml,
                message: "\(what) must be a mapping (key: value lines), not a \(isNull ? "null" : kindName)",
                location: location
            )
        }
        return entries
    }
}
