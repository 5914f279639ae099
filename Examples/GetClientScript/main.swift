// A script with the blocking client, the Swift form of Python's `get_client()`.
//
// Against the emulator: `swift run pixel emulator --seed demo`, export the PIXEL_… lines it
// prints, then `swift run GetClientScript`.
import PixelClient

// Reads PIXEL_* from the environment, ./.env and ./pixel.yaml — re-checked on every call.
let client = try getClient()
for project in try client.listProjects() { print(project.id, project.name) }

// Python's `with get_client() as c:` — closes only what it created.
let names = try PixelClientRegistry.shared.withBlockingClient { client in
    try client.listProjects().map(\.name)
}
// Python's get_client(**kwargs): options are part of the key.
let patient = try getClient(options: PixelClientOptions(apiTimeout: .seconds(60), retryAttempts: 2))
print(names.count, try patient.me().email ?? "")
