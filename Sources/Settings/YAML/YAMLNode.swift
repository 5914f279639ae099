/// A node of a YAML document as libyaml produced it, with no type guessing: scalars stay text with
/// their style, so the target field decides what `NO`, `012345` or `1.10` mean.
public struct YAMLNode: Sendable, Hashable {
    /// How a scalar was written.
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// One `key: value` pair of a mapping, in document order.
    public struct Entry: Sendable, Hashable {
        /// The key node (usually a scalar).
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode

        /// Creates an entry.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The node's content. Not `indirect`: the recursion goes through arrays, which are already
    /// references, so a box per node would only cost an allocation.
    public enum Kind: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    /// The content.
    public var kind: Kind
    /// The explicit tag (`!!str`, `!!null`, a local tag), if any.
    public var tag: String?
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(kind: Kind, tag: String? = nil, location: SourceLocation) {
        self.kind = kind
        self.tag = tag
        self.location = location
    }

    /// True for "absent": a plain `null`, `Null`, `NULL`, `~` or empty scalar, or the `!!null` tag.
    public var isNull: Bool {
        if tag == "tag:yaml.org,2002:null" { return true }
        guard case .scalar(let text, .plain) = kind, tag == nil else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}

/// Bounds that keep hostile YAML cheap to reject.
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most nodes the document may expand to, aliases counted at every use ("billion laughs").
    public var maxNodes: Int
    /// Largest input accepted, in bytes.
    public var maxBytes: Int

    /// Creates limits; the defaults are far above any real settings file.
    public init(maxDepth: Int = 64, maxNodes: Int = 10_000, maxBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxBytes = maxBytes
    }
}
