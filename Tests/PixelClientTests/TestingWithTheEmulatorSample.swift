// The sample of the DocC article "Testing with the Emulator", run as a test.
import PixelClient
import PixelEmulator
import Settings
import Testing

@Test func signsInOnceAgainstTheEmulator() async throws {
    try await PixelEmulator.withRunning { emulator in  // 127.0.0.1, ephemeral port
        let settings = PixelSettings(
            username: "demo@example.com", password: "demo-password", tenant: "demo",
            authServerURLOverride: emulator.baseURL, apiURLOverride: emulator.apiURL(tenant: "demo"))
        let client = try PixelAsyncClient(settings: settings)
        _ = try await client.me()
        _ = try await client.listProjects()
        #expect(emulator.stats.grantCount(.password) == 1)
        await client.close()
    }
}
