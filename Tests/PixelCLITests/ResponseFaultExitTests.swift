import Foundation
import PixelEmulator
import Testing

/// Unusable API answers end the CLI with exit code 1 and one paragraph naming the request and
/// the kind of failure (`PixelError.<code>`), never a stack trace; configuration problems are 2.
struct ResponseFaultExitTests {
    @Test(arguments: [
        (EmulatorFault.status(302), "PixelError.httpStatus: The API answered with a redirect (302 Found); redirects are not followed."),
        (EmulatorFault.status(500), "PixelError.httpStatus: The API answered 500 Internal Server Error."),
        (EmulatorFault.connectionReset, "PixelError.transport: The request failed before a response arrived."),
    ])
    func anUnusableAnswerExitsOneNamingTheFailure(fault: EmulatorFault, expected: String) async throws {
        try await CLIWorkspace.with { cli in
            // Every attempt fails, retries included.
            cli.emulator.faults.failNext(10, method: "GET", pathPrefix: "/acme/projects", with: fault)
            let result = try await cli.run(["projects", "list"])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("pixel: " + expected), "\(result)")
            #expect(result.stderr.contains("[GET http://127.0.0.1:"), "\(result)")
            #expect(!result.stderr.contains("Fatal error") && result.stdout.isEmpty, "\(result)")
        }
    }

    @Test func aTimeoutExitsOne() async throws {
        try await CLIWorkspace.with { cli in
            var cli = cli
            cli.environment["PIXEL_API_TIMEOUT"] = "0.5"
            cli.environment["PIXEL_RETRY_ATTEMPTS"] = "1"
            cli.emulator.faults.failNext(1, method: "GET", pathPrefix: "/acme/projects", with: .delay(.seconds(3)))
            let result = try await cli.run(["projects", "list"])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("pixel: PixelError.timeout: The request did not complete within 0.5 seconds."), "\(result)")
        }
    }
}
