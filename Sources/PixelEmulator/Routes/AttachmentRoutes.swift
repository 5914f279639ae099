import Hummingbird

extension APIRoutes {
    /// Attachments of projects, data collections and images.
    static let attachments: [APIRoute] = [
        APIRoute(.get, "attachments/") { call in
            let query = call.query
            return try await call.tenantData { data, _ in try data.listAttachments(query) }
        },
        APIRoute(.post, "attachments/") { call in
            let (query, body) = (call.query, try call.body())
            return try await call.tenantData { data, store in try data.addAttachments(query, body, store: &store) }
        },
        APIRoute(.put, "attachments/update") { call in
            let query = call.query
            return try await call.tenantData { data, store in try data.updateAttachment(query, store: store) }
        },
        APIRoute(.put, "attachments/move") { call in
            let query = call.query
            return try await call.tenantData { data, _ in try data.moveAttachment(query) }
        },
        APIRoute(.delete, "attachments/") { call in
            let query = call.query
            return try await call.tenantData { data, _ in try data.deleteAttachment(query) }
        },
    ]
}
