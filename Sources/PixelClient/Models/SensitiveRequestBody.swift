/// A request body that carries secrets (a user's password, harvest credentials, an API key).
///
/// Such a body is never logged and never kept in an error, and because a server may echo a
/// rejected body back (validation errors often carry it as `input`), each of
/// ``secretValues`` is also blanked out of the error the call throws.
protocol SensitiveRequestBody: Encodable, Sendable {
    /// The secret values in this body, as sent.
    var secretValues: [String] { get }
}
