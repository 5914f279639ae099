public import Settings

/// The signed-in user (`GET /users/me`) or an OIDC user returned by the user endpoints.
///
/// Pixel user ids are integers. Should a deployment send another kind of id (a Keycloak subject
/// UUID, say), ``id`` is `nil` and the text is kept in ``subject``.
public struct User: Codable, Hashable, Sendable {
    public var id: UserID?
    /// The id as sent when it is not an integer.
    public var subject: String?
    public var username: String?
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var tenant: String?
    public var userType: UserType?
    public var enabled: Bool?
    /// With `me(extended: true)`: the projects the user can see.
    public var projects: [Project]?

    enum CodingKeys: String, CodingKey {
        case id, username, email, tenant, enabled, projects
        case firstName = "first_name", lastName = "last_name", userType = "user_type"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try? c.decodeIfPresent(UserID.self, forKey: .id) {
            self.id = id
        } else {
            subject = try c.decodeIfPresent(String.self, forKey: .id)
        }
        username = try c.decodeIfPresent(String.self, forKey: .username)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        tenant = try c.decodeIfPresent(String.self, forKey: .tenant)
        userType = try c.decodeIfPresent(UserType.self, forKey: .userType)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled)
        projects = try c.decodeIfPresent([Project].self, forKey: .projects)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let id { try c.encode(id, forKey: .id) } else { try c.encodeIfPresent(subject, forKey: .id) }
        try c.encodeIfPresent(username, forKey: .username)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(firstName, forKey: .firstName)
        try c.encodeIfPresent(lastName, forKey: .lastName)
        try c.encodeIfPresent(tenant, forKey: .tenant)
        try c.encodeIfPresent(userType, forKey: .userType)
        try c.encodeIfPresent(enabled, forKey: .enabled)
        try c.encodeIfPresent(projects, forKey: .projects)
    }
}

/// A server plugin (`GET /plugins/`), e.g. `optimized_raster` or `image_service`.
public struct Plugin: Codable, Hashable, Sendable {
    public var name: String
    public var enabled: Bool?
    /// Plugins this one needs (`image_service` needs `optimized_raster`).
    public var dependsOn: [String]?

    enum CodingKeys: String, CodingKey { case name, enabled, dependsOn = "depends_on" }
}

/// The body of `POST /users/oidc/` (sensitive: the password is sent in plain text, so the body is
/// never logged or kept in errors).
public struct OIDCUserCreate: Encodable, Sendable {
    public var firstName: String
    public var lastName: String
    public var email: String
    public var password: Secret<String>
    public var enabled: Bool
    public var userType: UserType

    public init(firstName: String, lastName: String, email: String, password: Secret<String>, enabled: Bool = true, userType: UserType) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.password = password
        self.enabled = enabled
        self.userType = userType
    }

    enum CodingKeys: String, CodingKey {
        case email, password, enabled
        case firstName = "first_name", lastName = "last_name", userType = "user_type"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(email, forKey: .email)
        try container.encode(password.reveal(), forKey: .password)  // the wire needs the value
        try container.encode(enabled, forKey: .enabled)
        try container.encode(userType, forKey: .userType)
    }
}

/// The body of `PUT /users/oidc/{id}/`. Only set fields are sent; `enabled` is sent only when you
/// set it, so an update never silently re-enables a disabled user.
public struct OIDCUserUpdate: Encodable, Sendable {
    public var firstName: String?
    public var lastName: String?
    public var password: Secret<String>?
    public var enabled: Bool?
    public var userType: UserType?

    public init(firstName: String? = nil, lastName: String? = nil, password: Secret<String>? = nil, enabled: Bool? = nil, userType: UserType? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.password = password
        self.enabled = enabled
        self.userType = userType
    }

    enum CodingKeys: String, CodingKey {
        case password, enabled
        case firstName = "first_name", lastName = "last_name", userType = "user_type"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(firstName, forKey: .firstName)
        try container.encodeIfPresent(lastName, forKey: .lastName)
        try container.encodeIfPresent(password?.reveal(), forKey: .password)
        try container.encodeIfPresent(enabled, forKey: .enabled)
        try container.encodeIfPresent(userType, forKey: .userType)
    }

    var isEmpty: Bool { firstName == nil && lastName == nil && password == nil && enabled == nil && userType == nil }
}
