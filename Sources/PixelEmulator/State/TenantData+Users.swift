/// OIDC users of the tenant (Keycloak accounts). Passwords are checked for presence and then
/// forgotten: no response, log or error ever carries one.
import HTTPTypes
extension TenantData {
    static let userTypes = ["creator", "superuser", "viewer"]
    /// Id 1 is the signed-in account (`/users/me`); created users come after it.
    static let firstCreatedUserID = 2

    mutating func createOIDCUser(_ body: BodyReader, signedIn: String) throws(APIError) -> JSONValue {
        let firstName = try body.requiredString("first_name")
        let lastName = try body.requiredString("last_name")
        let email = try Self.email(body)
        _ = try body.requiredString("password")
        let userType = try body.requiredOneOf("user_type", Self.userTypes)
        let taken = oidcUsers.values.contains { $0["email"]?.stringValue?.lowercased() == email.lowercased() }
        guard !taken, email.lowercased() != signedIn.lowercased() else { throw .detail(.conflict, "A user with email \(email) already exists") }
        let id = nextID("oidc_user") + Self.firstCreatedUserID - 1
        let now = Timestamp.now()
        let user: JSONObject = [
            "id": .int(id), "username": .string(email), "email": .string(email), "first_name": .string(firstName),
            "last_name": .string(lastName), "enabled": .bool(try body.bool("enabled") ?? true), "user_type": .string(userType),
            "tenant": .string(tenant), "created_at": .string(now), "updated_at": .string(now),
        ]
        oidcUsers[id] = user
        return .object(user)
    }

    /// Sets what the body sets. `enabled` defaults to `true` when left out, as the API's update
    /// model does, so an update without it enables the user.
    mutating func updateOIDCUser(_ id: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        guard var user = oidcUsers[id] else { throw .notFound("User \(id)") }
        if let firstName = try body.string("first_name") { user["first_name"] = .string(firstName) }
        if let lastName = try body.string("last_name") { user["last_name"] = .string(lastName) }
        _ = try body.string("password")
        if let userType = try body.oneOf("user_type", Self.userTypes) { user["user_type"] = .string(userType) }
        user["enabled"] = .bool(try body.bool("enabled") ?? true)
        user["updated_at"] = .string(Timestamp.now())
        oidcUsers[id] = user
        return .object(user)
    }

    /// `email`, shaped like an address: one `@`, a local part, a dotted domain, no spaces.
    private static func email(_ body: BodyReader) throws(APIError) -> String {
        let email = try body.requiredString("email")
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !email.contains(" ")
        guard valid else {
            throw body.invalid("email", "value is not a valid email address: The email address is not valid.")
        }
        return email
    }
}
