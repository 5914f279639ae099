import CYAML

/// Turns libyaml events into a ``YAMLNode`` tree while enforcing ``YAMLLimits``.
///
/// Aliases are resolved by reference: every completed anchored node is stored with its expanded
/// node count, and each alias use adds that count to the document total *before* the copy is made
/// (a copy-on-write share, not a deep copy). A "billion laughs" file therefore fails at the first
/// alias that pushes the total over `maxNodes`, with memory bounded by the input size. Each
/// anchored node also records how many levels of collections it holds, so that an alias cannot
/// nest a copy deeper than `maxDepth` either.
struct YAMLTreeBuilder {
    enum Progress: Equatable {
        case needsMore, finished
    }

    private(set) var root: YAMLNode?

    private let file: String?
    private let limits: YAMLLimits
    private var stack: [Collection] = []
    private var anchors: [String: Anchored] = [:]
    /// Anchors of collections still being read (counted: an inner node may reuse an outer name).
    private var openAnchors: [String: Int] = [:]
    private var nodeCount = 0
    private var documentCount = 0
    /// For input without a final line break: the end of its last line.
    private let endOfUnterminatedInput: SourceLocation?

    init(file: String?, limits: YAMLLimits, endOfUnterminatedInput: SourceLocation? = nil) {
        self.file = file
        self.limits = limits
        self.endOfUnterminatedInput = endOfUnterminatedInput
    }

    /// Consumes one event; the event's memory belongs to the caller and is only read here.
    mutating func consume(_ event: yaml_event_t) throws(SettingsFileError) -> Progress {
        let location = location(of: event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return .finished
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                throw error("the file contains more than one YAML document; a settings file must have exactly one", at: location)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            try countNodes(1, at: location)
            // Built in the call, so the node is moved into the tree rather than copied.
            try complete(
                YAMLNode(kind: .scalar(text, Self.style(scalar.style)), tag: Self.string(scalar.tag), location: location),
                size: 1, height: 0, anchor: Self.string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            try resolveAlias(Self.string(event.data.alias.anchor) ?? "", at: location)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try open(.sequence, tag: Self.string(start.tag), anchor: Self.string(start.anchor), at: location)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try open(.mapping, tag: Self.string(start.tag), anchor: Self.string(start.anchor), at: location)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try close()
        default:
            break  // stream start, document end, no-event
        }
        return .needsMore
    }

    // MARK: - Collections

    private mutating func open(_ shape: Collection.Shape, tag: String?, anchor: String?, at location: SourceLocation)
        throws(SettingsFileError)
    {
        guard stack.count < limits.maxDepth else {
            throw error("nesting is deeper than the limit of \(limits.maxDepth) levels", at: location)
        }
        try countNodes(1, at: location)
        if let anchor { openAnchors[anchor, default: 0] += 1 }
        stack.append(Collection(shape: shape, tag: tag, anchor: anchor, location: location))
    }

    private mutating func close() throws(SettingsFileError) {
        guard let finished = stack.popLast() else { return }
        let kind: YAMLNode.Kind = finished.shape == .mapping ? .mapping(finished.entries) : .sequence(finished.items)
        if let anchor = finished.anchor {
            openAnchors[anchor] = (openAnchors[anchor] ?? 1) > 1 ? (openAnchors[anchor] ?? 1) - 1 : nil
        }
        try complete(
            YAMLNode(kind: kind, tag: finished.tag, location: finished.location), size: finished.size, height: finished.height,
            anchor: finished.anchor)
    }

    /// Registers a finished node under its anchor and hands it to its parent (or makes it the root).
    /// `height`: the levels of collections in `node`, itself included (0 for a scalar).
    private mutating func complete(_ node: consuming YAMLNode, size: Int, height: Int, anchor: String?) throws(SettingsFileError) {
        if let anchor { anchors[anchor] = Anchored(node: copy node, size: size, height: height) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        try stack[stack.count - 1].add(node, size: size, height: height)
    }

    // MARK: - Aliases and limits

    private mutating func resolveAlias(_ name: String, at location: SourceLocation) throws(SettingsFileError) {
        // The most recent node with this anchor may still be open: then the alias is inside it.
        if openAnchors[name] != nil {
            throw error("alias *\(DisplayText.inline(name)) refers to a node that contains it; recursive structures are not supported", at: location)
        }
        guard let anchored = anchors[name] else {
            let shown = DisplayText.inline(name)
            throw error("alias *\(shown) refers to an anchor &\(shown) that is not defined before it", at: location)
        }
        try countNodes(anchored.size, at: location, alias: name)
        // The copy's collections sit below the ones open here.
        guard stack.count + anchored.height <= limits.maxDepth else {
            throw error(
                "alias *\(DisplayText.inline(name)) nests deeper than the limit of \(limits.maxDepth) levels", at: location)
        }
        var copy = anchored.node
        // The copy's own location is the alias, so errors about this value point at its use;
        // nodes inside it keep the anchored original's locations.
        copy.location = location
        try complete(copy, size: anchored.size, height: anchored.height, anchor: nil)
    }

    private mutating func countNodes(_ count: Int, at location: SourceLocation, alias: String? = nil) throws(SettingsFileError) {
        // Compare before adding so that huge counts cannot overflow.
        guard count <= limits.maxNodes - nodeCount else {
            let cause = alias.map { "alias *\(DisplayText.inline($0)) expands" } ?? "the document grows"
            throw error("\(cause) beyond the limit of \(limits.maxNodes) nodes (aliases count at every use)", at: location)
        }
        nodeCount += count
    }

    private func error(_ message: String, at location: SourceLocation) -> SettingsFileError {
        SettingsFileError(format: .yaml, message: message, location: location)
    }

    /// A mark as a location; a mark past the last line of unterminated input is its end.
    private func location(of mark: yaml_mark_t) -> SourceLocation {
        if let end = endOfUnterminatedInput, Int(mark.line) + 1 > end.line { return end }
        return SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

extension YAMLTreeBuilder {
    /// A completed anchored node, how many nodes it stands for once expanded, and how many levels
    /// of collections it holds.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    /// A mapping or sequence still being read.
    private struct Collection {
        enum Shape { case mapping, sequence }

        let shape: Shape
        let tag: String?
        let anchor: String?
        let location: SourceLocation
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Entry] = []
        var pendingKey: YAMLNode?
        /// The text of each key so far, in entry order (the pending key's last).
        var keys: [String] = []
        /// Entry index of each key seen so far (the pending key's index is `entries.count`), built
        /// only once a mapping outgrows a linear scan of ``keys``.
        var keyIndices: [String: Int]?
        /// Nodes in this subtree, itself included, aliases expanded.
        var size = 1
        /// Levels of collections in this subtree, itself included.
        var height = 1

        init(shape: Shape, tag: String?, anchor: String?, location: SourceLocation) {
            self.shape = shape
            self.tag = tag
            self.anchor = anchor
            self.location = location
        }

        /// Takes `node` over (`consuming`: each node is moved into the tree, never copied).
        mutating func add(_ node: consuming YAMLNode, size: Int, height: Int) throws(SettingsFileError) {
            self.size += size
            self.height = max(self.height, height + 1)
            guard shape == .mapping else {
                items.append(node)
                return
            }
            guard let key = pendingKey.take() else {
                try acceptKey(node)
                return
            }
            entries.append(YAMLNode.Entry(key: key, value: node))
        }

        private mutating func acceptKey(_ key: consuming YAMLNode) throws(SettingsFileError) {
            guard case .scalar(let text, _) = key.kind else {
                throw SettingsFileError(
                    format: .yaml,
                    message: "a mapping key must be a scalar, not a \(key.kindName)",
                    location: key.location
                )
            }
            if let index = firstIndex(ofKey: text) {
                let first = index < entries.count ? entries[index].key.location : key.location
                throw SettingsFileError(
                    format: .yaml,
                    message: "duplicate key \(DisplayText.quoted(text)) (first defined at \(first))",
                    location: key.location,
                    relatedLocation: first
                )
            }
            keys.append(text)
            pendingKey = key
        }

        /// Up to this many entries a new key is compared with each earlier one: cheaper than
        /// hashing every key of the small mappings settings files are made of.
        private static let linearKeyLimit = 8

        /// The entry index of an earlier key equal to `text`, recording `text` as the pending
        /// key's (index `entries.count`) when it is new.
        private mutating func firstIndex(ofKey text: String) -> Int? {
            if keyIndices == nil {
                if keys.count < Self.linearKeyLimit { return keys.firstIndex(of: text) }
                // A mapping this long is likely a file's top level with dozens of keys: room for
                // them up front instead of regrowing (and rehashing) step by step.
                keys.reserveCapacity(keys.count * 8)
                var indices = [String: Int](minimumCapacity: keys.count * 8)
                for (index, key) in keys.enumerated() { indices[key] = index }
                keyIndices = indices
            }
            // One hash per key: insert, and look at what was there.
            return keyIndices?.updateValue(keys.count, forKey: text)
        }
    }
}
