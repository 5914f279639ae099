import Foundation
import PixelClient
import PixelEmulator
import Testing

/// API responses that are malformed, hostile or cut short: each one is a typed `PixelError` that
/// says what happened, never a crash, a hang or a half-read value. Tokens come from the emulator;
/// the API answers come from a ``RawHTTPServer`` on loopback where the emulator cannot produce
/// them. The RELIABILITY.md catalogue cites these tests.
struct ResponseFaultTests {
    /// `getProject(1)` against a server answering `response`; returns the error and how many
    /// requests reached the server.
    private func projectError(
        answering response: String, then afterwards: RawHTTPServer.Afterwards = .close,
        _ tweak: @escaping (inout PixelSettings) -> Void = { _ in }
    ) async throws -> (error: PixelError, requests: Int, attempts: Int) {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await RawHTTPServer.withRunning(answering: response, then: afterwards) { server in
                let settings = testSettings(emulator) { settings in
                    settings.apiURLOverride = "http://127.0.0.1:\(server.port)/demo"
                    tweak(&settings)
                }
                let client = try PixelAsyncClient(settings: settings, options: .testing(), hooks: .testing())
                let error: PixelError
                do throws(PixelError) {
                    let project = try await client.getProject(1)
                    error = PixelError(code: .invalidInput, message: "no error: \(project)")
                    Issue.record("expected an error, got \(project)")
                } catch let thrown {
                    error = thrown
                }
                await client.close(gracePeriod: .zero)
                return (error, server.requestCount, settings.retryAttempts)
            }
        }
    }

    private static func http(_ status: String, type: String = "application/json", length: Int? = nil, _ body: String) -> String {
        // `Connection: close`: the server closes after every answer, so a retry must not reuse it.
        "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(length ?? body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    @Test func truncatedJSONIsADecodingErrorNamingTheType() async throws {
        let (error, requests, _) = try await projectError(answering: Self.http("200 OK", #"{"id": 1, "name": "cut"#))
        #expect(error.code == .decoding)
        #expect(error.message == "The response is not a valid Project.")
        #expect(error.status == 200)
        #expect(error.underlying?.contains("not valid JSON") == true || error.underlying?.contains("Unexpected end") == true, "\(error)")
        #expect(requests == 1)
    }

    @Test func wrongTypesAreADecodingErrorNamingTheField() async throws {
        let (error, requests, _) = try await projectError(answering: Self.http("200 OK", #"{"id": "one", "name": 7}"#))
        #expect(error.code == .decoding)
        #expect(error.underlying == "Expected an integer id at 'id'", "\(error)")
        #expect(requests == 1)
    }

    @Test(arguments: [
        ("text/html", "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>"),
        ("text/plain", "OK"),
        ("application/json", ""),
    ])
    func aSuccessThatIsNotJSONIsADecodingError(type: String, body: String) async throws {
        let (error, requests, _) = try await projectError(answering: Self.http("200 OK", type: type, body))
        #expect(error.code == .decoding)
        #expect(error.message == "The response is not a valid Project.")
        #expect(requests == 1)
    }

    @Test func anHTMLErrorPageIsAnHTTPStatusErrorWithItsTextAsDetail() async throws {
        let page = "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>"
        let (error, requests, _) = try await projectError(answering: Self.http("500 Internal Server Error", type: "text/html", page))
        #expect(error.code == .httpStatus)
        #expect(error.status == 500)
        #expect(error.message == "The API answered 500 Internal Server Error.")
        #expect(error.detail == page)
        #expect(requests == 1)  // 500 is not retried
    }

    @Test func aLongHTMLErrorPageFromAGatewayIsRetriedThenShownCut() async throws {
        let page = "<html><body>" + String(repeating: "<p>Bad gateway, try later</p>", count: 100) + "</body></html>"
        let (error, requests, attempts) = try await projectError(answering: Self.http("502 Bad Gateway", type: "text/html", page))
        #expect(error.code == .httpStatus && error.status == 502)
        #expect(error.detail?.count == 301 && error.detail?.hasSuffix("…") == true, "\(error)")
        #expect(requests == attempts)
    }

    @Test func aRedirectIsNotFollowed() async throws {
        let redirect = "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        let (error, requests, _) = try await projectError(answering: redirect)
        #expect(error.code == .httpStatus && error.status == 302)
        #expect(error.message == "The API answered with a redirect (302 Found); redirects are not followed.")
        #expect(requests == 1)
    }

    @Test(arguments: [301, 307, 308])
    func redirectsFromTheEmulatorAreHTTPStatusErrors(status: Int) async throws {
        try await withClient { emulator, client in
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/projects/", with: .status(status))
            let error = await #expect(throws: PixelError.self) { try await client.getProject(1) }
            #expect(error?.code == .httpStatus && error?.status == status)
            #expect(error?.message.contains("redirects are not followed") == true)
        }
    }

    @Test func aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() async throws {
        // The server declares 256 MiB + 1 and then sends nothing more: the client must not wait.
        let response = Self.http("200 OK", length: 256 * 1024 * 1024 + 1, "{")
        let (error, requests, _) = try await projectError(answering: response, then: .stall)
        #expect(error.code == .decoding)
        #expect(error.message == "The response body is larger than the limit of 256 MiB; it was not read.")
        #expect(error.status == 200)
        #expect(requests == 1)  // not retried: the same request would get the same answer
    }

    @Test func aBodyCutShortByTheServerIsATransportErrorAndRetried() async throws {
        let response = Self.http("200 OK", length: 100, #"{"id": 1, "name": "#)
        let (error, requests, attempts) = try await projectError(answering: response, then: .close)
        #expect(error.code == .transport)
        #expect(requests == attempts)
    }

    @Test func aServerThatStallsMidBodyIsATimeout() async throws {
        let response = Self.http("200 OK", length: 100, #"{"id": 1, "name": "#)
        // Long enough for the request to reach the server on a busy machine, short for a test.
        let timeout = TestTime.scaled(.seconds(3))
        let (error, requests, _) = try await projectError(answering: response, then: .stall) { settings in
            settings.apiTimeout = timeout
        }
        #expect(error.code == .timeout)
        #expect(error.message == "The request did not complete within \(timeout).")
        #expect(requests == 1)
    }
}
