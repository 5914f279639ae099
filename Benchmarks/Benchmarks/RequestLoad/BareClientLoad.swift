import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import PixelClient

/// `bare`: the ceiling for any client built on AsyncHTTPClient. One `HTTPClient` configured as
/// PixelClient's transport configures its own (same event loops, no redirects, decompression),
/// one token fetched up front, and one request value built once with the same headers PixelClient
/// sends (the `X-Request-ID` value is fixed, so the bytes on the wire match without the cost of
/// making an id). Each request's body is collected and decoded into the same model with a decoder
/// configured as PixelClient's and built once. No leases, retries, token checks or logging.
struct BareClientLoad: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(commandName: "bare", abstract: "A bare AsyncHTTPClient loop: the same request, the same model.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var shape: LoadShape

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let bare = try await BareLoop(server: server, shape: shape)
        let results = await runAsyncClosedLoop(phases: shape.phases, inFlight: shape.inFlight, bare.operation)
        try await bare.shutdown()
        try shape.report(client: BareLoop.name, server: server, results)
    }
}

/// The bare loop's client, token, request and decoder, set up once; ``operation`` sends one
/// request, collects its body and decodes it.
struct BareLoop: Sendable {
    static let name = "AsyncHTTPClient bare loop"

    let operation: @Sendable () async throws -> Void
    private let http: HTTPClient

    init(server: ServerOptions, shape: LoadShape) async throws {
        // Configured as PixelClient configures its API pool with default settings: the same
        // connect and read timeouts (the read timeout is what catches a body that stalls), and
        // AsyncHTTPClient's own tracing off (its default is the global no-op tracer, which still
        // builds a span per request).
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .ratio(200))
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
        configuration.tracing.tracer = nil
        let http = HTTPClient(eventLoopGroupProvider: .shared(HTTPClient.defaultEventLoopGroup), configuration: configuration)
        let token: String
        do {
            token = try await Self.fetchToken(http, authURL: server.authURL)
        } catch {
            try? await http.shutdown()
            throw error
        }
        var request = HTTPClientRequest(url: server.apiURL + shape.target.pathAndQuery(projectID: shape.projectID))
        request.headers.add(name: "X-Request-ID", value: "6f1c1a2e-4b7d-4e55-9a53-0c2f8d7e9b10")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        request.headers.add(name: "User-Agent", value: "PixelClient-Swift/1.0")
        let decoder = BareDecoding.makeDecoder()
        let target = shape.target
        self.http = http
        self.operation = { [request] in
            let response = try await http.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 256 << 20)
            guard response.status == .ok else { throw BareFailure(status: Int(response.status.code)) }
            switch target {
            case .me: _ = try decoder.decode(User.self, from: Data(buffer: body))
            case .project: _ = try decoder.decode(Project.self, from: Data(buffer: body))
            }
        }
    }

    func shutdown() async throws { try await http.shutdown() }

    /// The password grant against the emulator's Keycloak endpoint (demo account).
    static func fetchToken(_ http: HTTPClient, authURL: String) async throws -> String {
        var request = HTTPClientRequest(url: authURL + "/realms/demo/protocol/openid-connect/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(
            ByteBuffer(string: "client_id=frontend&username=demo%40example.com&password=demo-password&scope=openid+email+profile&grant_type=password")
        )
        let response = try await http.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok,
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
            let token = object["access_token"] as? String
        else { throw BareFailure(status: Int(response.status.code)) }
        return token
    }
}

struct BareFailure: Error, CustomStringConvertible {
    var status: Int
    var description: String { "HTTP \(status)" }
}
