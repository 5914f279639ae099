// Notebook-style use: settings from a `.env` file, shown with where each value came from.
//
// Put PIXEL_USERNAME, PIXEL_PASSWORD and PIXEL_TENANT in ./.env, then `swift run NotebookDotEnv`.
import PixelClient

// Python's PixelApiSettings.from_env_file(".env"): the environment, then the file.
let settings = try PixelSettings.fromEnvFile(".env")
print(settings)  // the password is redacted
let client = try getClient(settings: settings)
print(try client.me().email ?? "")

// Or let getClient() find ./.env itself; edit the file and run the cell again: the next call
// sees the change and builds a new client while the old one finishes its work.
let resolved = try PixelSettings.resolve()
print(resolved.explain())  // every setting, its value (secrets redacted) and source
for project in try getClient().listProjects() { print(project.name) }
