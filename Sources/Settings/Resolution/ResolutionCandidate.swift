/// A value some source offers for a field, before conversion.
struct ResolutionCandidate {
    /// What was offered.
    enum Raw: Equatable {
        case text(String)
        case typed(SettingValue)
        /// A YAML mapping or sequence where a scalar belongs.
        case nonScalar(String)
    }

    /// The field's index in the schema.
    var field: Int
    /// The source's precedence: lower is stronger (explicit, environment, `.env` files from the
    /// last, YAML files from the last, defaults).
    var precedence: Int
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

    /// Whether `self` is offered ahead of `other` for the same field: stronger source first, then
    /// the field's name order.
    func precedes(_ other: ResolutionCandidate) -> Bool {
        (precedence, nameRank) < (other.precedence, other.nameRank)
    }
}
