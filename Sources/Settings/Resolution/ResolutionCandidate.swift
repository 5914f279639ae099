/// A value some source offers for a field, before conversion.
struct ResolutionCandidate {
    /// What was offered.
    enum Raw: Equatable {
        case text(String)
        case typed(SettingValue)
        /// A YAML mapping or sequence where a scalar belongs.
        case nonScalar(String)
    }

    var origin: SettingOrigin
    var raw: Raw
    /// The position of the matched name among the field's names (0 = canonical); YAML field-name
    /// keys rank after every env name.
    var nameRank: Int
    /// Whether the matched name is a deprecated alias.
    var isDeprecatedName: Bool = false

    /// Display text; the caller redacts secrets.
    var rawDisplay: String {
        switch raw {
        case .text(let text): text
        case .typed(let value): value.description
        case .nonScalar(let kind): "<\(kind)>"
        }
    }
}

/// The candidates of one source (the environment, one file, …), per field index.
struct ResolutionLayer {
    var candidates: [[ResolutionCandidate]]

    init(fieldCount: Int) {
        candidates = Array(repeating: [], count: fieldCount)
    }

    mutating func add(_ candidate: ResolutionCandidate, field: Int) {
        candidates[field].append(candidate)
    }
}
