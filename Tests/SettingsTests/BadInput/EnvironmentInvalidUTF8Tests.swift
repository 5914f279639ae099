import Foundation
import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process environment variable is bytes; one that is not UTF-8 is a problem named by the
/// variable, never a value with replacement characters. (Unique names, so tests running in
/// parallel never share a variable.)
struct EnvironmentInvalidUTF8Tests {
    @Test func aVariableThatIsNotUTF8FailsResolutionByNameOnly() throws {
        let prefix = "BADENC_\(UUID().uuidString.prefix(8))_"
        let schema = SettingsSchema(
            name: "badenc", prefixes: [prefix],
            fields: [
                SettingField("user", env: [.init("\(prefix)USER")], type: .string, requirement: .required, doc: ""),
                SettingField("secret", env: [.init("\(prefix)SECRET")], type: .string, requirement: .required, secret: true, doc: ""),
            ])
        let invalid: [CChar] = [0x61, 0xFF, 0xFE, 0x62, 0].map { CChar(bitPattern: $0) }
        setenv("\(prefix)USER", invalid, 1)
        setenv("\(prefix)SECRET", [0xC3, 0x28, 0].map { CChar(bitPattern: $0) }, 1)
        defer {
            unsetenv("\(prefix)USER")
            unsetenv("\(prefix)SECRET")
        }
        do {
            _ = try SettingsResolver(schema: schema).resolve(SettingsSources(workingDirectory: "/"))
            Issue.record("a variable that is not UTF-8 was accepted")
        } catch {
            #expect(
                error.problems == [
                    .invalidValue(
                        field: "user", origin: SettingOrigin(kind: .environment, name: "\(prefix)USER"), expected: "text in UTF-8", value: nil),
                    .invalidValue(
                        field: "secret", origin: SettingOrigin(kind: .environment, name: "\(prefix)SECRET"), expected: "text in UTF-8", value: nil),
                ])
            #expect(error.problems.first?.description == "user: env \(prefix)USER = the value is not text in UTF-8")
        }
        setenv("\(prefix)USER", "ü", 1)
        setenv("\(prefix)SECRET", "s", 1)
        #expect(try SettingsResolver(schema: schema).resolve(SettingsSources(workingDirectory: "/")).string("user") == "ü")
    }
}
